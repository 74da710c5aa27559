/** The current hash path as React state: '#/r/630105/2023/budget' → '/r/630105/2023/budget'; '' or '#' → '/'. */
import { useEffect, useState } from 'react';

function readHashPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function useHashPath(): string {
  const [path, setPath] = useState(readHashPath);
  useEffect(() => {
    const update = () => setPath(readHashPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/** Moves to another hash path, as a link would. */
export function navigate(hash: string): void {
  window.location.hash = hash.replace(/^#/, '');
}
