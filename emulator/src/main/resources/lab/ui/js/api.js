// The page's only way to the emulator: the token endpoint, the Web API and the lab's routes, like any client.

export const API = '/api/data/v9.2/';

/** A refused request: HTTP status, Dataverse error code and message, and the same in plain words. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
    this.plain = plainWords(status, code);
  }
}

// What a trainer can say aloud for the codes the lab answers with (errors/ErrorCode.java).
const PLAIN = {
  '0x80048306': 'Refused by the access check: the user holds this privilege, but does not own the row, is not in the team that owns it, '
    + 'the row is outside the business units the role reaches, and nobody has shared it with them.',
  '0x80040220': 'Refused by the privilege check: no role of the user, and no role of a team the user is in, grants this privilege at any depth.',
  '0x80040231': 'Refused: the new owner would not be able to read the records that move with this one.',
  '0x80040224': 'Refused: this caller may not act on behalf of another user.',
  '0x80040265': 'Refused by a product rule (a documented limit); nothing was changed.',
  '0x80040217': 'The record does not exist (or no longer exists).',
  '0x80044331': 'A required value is missing or too long.',
  '0x80048d19': 'The request body is not what this table accepts.',
  '0x80040203': 'The request is not valid.',
  '0x80060882': 'Someone changed this record meanwhile; reload it and try again.',
  '0x80040204': 'Not signed in, or the sign-in has expired.',
};

export function plainWords(status, code) {
  if (PLAIN[code]) return PLAIN[code];
  if (status === 401) return PLAIN['0x80040204'];
  if (status === 429) return 'Too many requests: Dataverse service protection asks the client to wait and retry.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The emulator failed on this request.';
  return 'The request was refused.';
}

/** Signs in through the simulated Entra ID (password grant, as a public client would); returns the access token. */
export async function signIn(upn, password) {
  const form = new URLSearchParams({
    grant_type: 'password', username: upn, password, client_id: 'lab-training-page', scope: `${location.origin}/.default`,
  });
  const r = await fetch('/common/oauth2/v2.0/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form,
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, body.error || '', body.error_description || `sign-in refused (${r.status})`);
  return body.access_token;
}

/** The claims of a token (not verified: the page only reads them, the emulator verifies every request). */
export function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part));
}

/**
 * A request with a bearer token (in a header, never in the URL). path is below /api/data/v9.2/ unless it starts
 * with '/'. Resolves to {status, body, headers}; a 4xx/5xx rejects with an ApiError.
 */
export async function call(token, method, path, body, headers = {}) {
  const url = path.startsWith('/') ? path : API + path;
  const init = {
    method,
    headers: {
      Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0',
      Prefer: 'odata.include-annotations="*"', ...headers,
    },
  };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(url, init);
  const text = await r.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!r.ok) {
    const err = (json && json.error) || {};
    throw new ApiError(r.status, err.code || '', err.message || text || `HTTP ${r.status}`);
  }
  return { status: r.status, body: json, headers: r.headers };
}

/** GET a collection: the rows of value. */
export async function list(token, path) {
  return (await call(token, 'GET', path)).body.value;
}

/** The formatted value of a column (lookup name, choice label), as Dataverse annotates it. */
export function formatted(row, column) {
  return row[`${column}@OData.Community.Display.V1.FormattedValue`] ?? row[column] ?? '';
}

/** An @t={'@odata.id':'set(id)'} parameter alias for functions such as lab_Explain. */
export function targetAlias(set, id) {
  return '@t=' + encodeURIComponent(`{'@odata.id':'${set}(${id})'}`);
}
