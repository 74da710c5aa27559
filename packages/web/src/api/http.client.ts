/**
 * The one place that speaks HTTP to the duixian server: JSON in and out, the session cookie, the CSRF header on writes,
 * and `{ error: { code, message } }` turned into ApiError. Example: getJson<Health>('/api/health').
 */
import { ApiError } from './api-error.ts';

let csrfToken: string | undefined;

/** Remembers the CSRF token the server gave at sign-in (or reads it from the csrf cookie). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function readCsrfToken(): string | undefined {
  if (csrfToken) return csrfToken;
  const match = /(?:^|;\s*)(?:duixian_csrf|csrf_token|_csrf|csrf)=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, body);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  const response = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const getJson = <T,>(path: string): Promise<T> => request<T>('GET', path);

/** Builds a query string from defined values only: { region: '630105', theme: undefined } → '?region=630105'. */
export function query(params: Readonly<Record<string, string | number | boolean | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads a form with progress, which fetch cannot report: XMLHttpRequest's upload events.
 * Example: upload('/api/documents', form, (done) => setProgress(done)) → the parsed JSON answer.
 */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        const error = (body as { error?: { code?: string; message?: string } })?.error;
        reject(new ApiError(xhr.status, error?.code ?? `http_${xhr.status}`, error?.message ?? xhr.statusText, body));
      }
    };
    xhr.send(form);
  });
}
