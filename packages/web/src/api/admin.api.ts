/**
 * The typed client of the admin's calls: regions, units (with their contact person) and users (role, unit,
 * disabling), each add or change answering with the row (a new user and a password reset also with the one-time
 * password to hand over). Example: addUser({ username: 'cn_edu',
 * role: 'unit_editor', unitId: 7 }) → { user: { id: 9, username: 'cn_edu', … }, oneTimePassword: 'k3…' }.
 */
import type { ManagedUser, Region, Unit } from '@duixian/server';
import type { z } from 'zod';
import { getJson, query, request } from './http.client.ts';

export type AdminRegion = z.infer<typeof Region>;
export type AdminUnit = z.infer<typeof Unit>;
export type AdminUser = z.infer<typeof ManagedUser>;
export type AdminRole = AdminUser['role'];

export const ADMIN_ROLES: readonly AdminRole[] = ['admin', 'supervisor', 'unit_editor'];

export async function listAdminRegions(): Promise<AdminRegion[]> {
  return (await getJson<{ items: AdminRegion[] }>('/api/regions')).items;
}

export async function addRegion(input: { code: string; name: string; parentCode?: string | undefined }): Promise<AdminRegion> {
  return request<AdminRegion>('POST', '/api/regions', { code: input.code, name: input.name, parent_code: input.parentCode ?? null });
}

/** Every unit when regionCode is absent (the user list names units of all regions). */
export async function listAdminUnits(regionCode?: string): Promise<AdminUnit[]> {
  return (await getJson<{ items: AdminUnit[] }>(`/api/units${query({ region: regionCode })}`)).items;
}

export async function addUnit(regionCode: string, name: string): Promise<AdminUnit> {
  return request<AdminUnit>('POST', '/api/units', { region_code: regionCode, name });
}

export interface UnitChange {
  readonly name: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
}

/** Renames a unit and sets its contact person; a blank field is stored as unknown. */
export async function updateUnit(unitId: number, change: UnitChange): Promise<AdminUnit> {
  return request<AdminUnit>('PATCH', `/api/units/${unitId}`, { name: change.name, contact_name: change.contactName, contact_phone: change.contactPhone, contact_email: change.contactEmail });
}

export async function listUsers(): Promise<AdminUser[]> {
  return (await getJson<{ items: AdminUser[] }>('/api/users')).items;
}

export async function addUser(input: { username: string; role: AdminRole; unitId?: number | undefined; displayName?: string | undefined }): Promise<{ user: AdminUser; oneTimePassword: string }> {
  const answer = await request<{ user: AdminUser; one_time_password: string }>('POST', '/api/users', {
    username: input.username,
    role: input.role,
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...(input.displayName ? { display_name: input.displayName } : {}),
  });
  return { user: answer.user, oneTimePassword: answer.one_time_password };
}

export async function resetPassword(userId: number): Promise<string> {
  return (await request<{ one_time_password: string }>('POST', `/api/users/${userId}/password-reset`)).one_time_password;
}

/** Changes a user's role, unit (null for staff without one) and display name. */
export async function updateUser(userId: number, change: { role: AdminRole; unitId: number | null; displayName: string | null }): Promise<AdminUser> {
  return request<AdminUser>('PATCH', `/api/users/${userId}`, { role: change.role, unit_id: change.unitId, display_name: change.displayName });
}

/** Disables a user (their sessions and API tokens end) or enables them again. */
export async function setUserDisabled(userId: number, isDisabled: boolean): Promise<AdminUser> {
  return request<AdminUser>('POST', `/api/users/${userId}/${isDisabled ? 'disable' : 'enable'}`);
}
