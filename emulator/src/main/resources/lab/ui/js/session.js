// Who the page is acting as, and the tokens it holds (in memory only: never in the URL or in storage).
import { ApiError, call, signIn } from './api.js';

/** The documented password of every demo user. */
export const DEMO_PASSWORD = 'demo';
/** The console's own identity for lab administration (persona list, groups, reset): the demo's Admin User. */
export const ADMIN = 'admin@contoso.test';

const tokens = new Map();
const signedInAt = new Map();
const listeners = new Set();
let persona = null;

export function onPersonaChange(listener) { listeners.add(listener); }

export function current() { return persona; }

/** Signs in as person through the real token endpoint and acts as them from now on. */
export async function choose(person) {
  await signInAgain(person.upn);
  persona = person;
  listeners.forEach(l => l(person));
}

/** The token held for upn, signing in only if none is held (a sign-in also runs that user's group sync). */
export async function tokenFor(upn) {
  if (!tokens.has(upn)) await signInAgain(upn);
  return tokens.get(upn);
}

/** A new sign-in: the emulator reconciles the user's Microsoft 365 group teams at sign-in, as Dataverse does. */
export async function signInAgain(upn) {
  tokens.set(upn, await signIn(upn, DEMO_PASSWORD));
  signedInAt.set(upn, new Date());
  return tokens.get(upn);
}

export function lastSignIn(upn) { return signedInAt.get(upn); }

/**
 * Drops every token but keeps the persona: after the clock moves forward the held tokens have expired, so the next
 * request of each user signs in again instead of being refused first.
 */
export function dropTokens() {
  tokens.clear();
}

/** Forgets every token (after a reset) and the chosen persona. */
export function forget() {
  tokens.clear();
  signedInAt.clear();
  persona = null;
  listeners.forEach(l => l(null));
}

/** A request as upn; an expired token is replaced once by a new sign-in. */
export async function as(upn, method, path, body, headers) {
  try {
    return await call(await tokenFor(upn), method, path, body, headers);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    return call(await signInAgain(upn), method, path, body, headers);
  }
}

export async function asPersona(method, path, body, headers) {
  if (!persona) throw new Error('Choose a persona first (Personas screen).');
  return as(persona.upn, method, path, body, headers);
}

export function asAdmin(method, path, body, headers) { return as(ADMIN, method, path, body, headers); }
