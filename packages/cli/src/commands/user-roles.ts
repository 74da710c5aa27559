/**
 * The roles `duixian user add --role` accepts, in a module of its own so the command line can list them without
 * loading storage. Example: USER_ROLES.includes('supervisor') → true.
 */
import type { UserRole } from '@duixian/storage';

export const USER_ROLES: readonly UserRole[] = ['admin', 'supervisor', 'unit_editor'];
