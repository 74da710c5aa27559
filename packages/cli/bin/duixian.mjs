#!/usr/bin/env node
/**
 * The installed `duixian` command: registers tsx's loader, then runs the TypeScript entry src/main.ts as it is (no
 * build step; the packages ship their sources). Example: npx duixian --version → 0.1.0
 */
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
