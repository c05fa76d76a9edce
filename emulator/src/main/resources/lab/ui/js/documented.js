// The product documentation's IT/HR worked example (Security > Business Unit Model > Example), as data.
// Read/Write lists are the documentation's, per user; Read is "all Programs and Projects" of the user's business
// unit. Portfolios: the per-user lists grant Read on programs and projects only (the summary sentence above them
// also says portfolios; the lab's Portfolio Manager follows the per-user lists, see the roles' README).

export const USERS = [
  { key: 'blue', upn: 'blue@contoso.test', name: 'Blue User', bu: 'IT' },
  { key: 'green', upn: 'green@contoso.test', name: 'Green User', bu: 'IT' },
  { key: 'purple', upn: 'purple@contoso.test', name: 'Purple User', bu: 'IT' },
  { key: 'yellow', upn: 'yellow@contoso.test', name: 'Yellow User', bu: 'HR' },
  { key: 'red', upn: 'red@contoso.test', name: 'Red User', bu: 'HR' },
];

export const READ_WRITE = {
  blue: [],
  green: ['IT Portfolio 2', 'IT Program 3'],
  purple: ['IT Portfolio 2', 'IT Program 1', 'IT Program 2', 'HR Portfolio 2'],
  yellow: ['HR Portfolio 2', 'HR Program 2', 'HR Project 2'],
  red: ['HR Portfolio 1', 'HR Program 1', 'HR Program 3', 'HR Project 1', 'IT Project 2'],
};

/** The documentation's own words for each user. */
export const QUOTES = {
  blue: 'Read access to all “IT Business Unit” Programs and Projects as assigned to the IT Business Unit.',
  green: 'Read access to all “IT Business Unit” Programs and Projects; Read/Write access to “IT Portfolio 2 and IT Program 3”.',
  purple: 'Read access to all “IT Business Unit” Programs and Projects; Read/Write access to “IT Portfolios 2, IT Program 1, IT Program 2 and HR Portfolio 2”.',
  yellow: 'Read access to all “HR Business Unit” Programs and Projects; Read/Write access to “HR Portfolio 2, HR Program 2 and HR Project 2”.',
  red: 'Read access to all “HR Business Unit” Programs and Projects; Read/Write access to “HR Portfolio 1, HR Program 1, HR Program 3, HR Project 1 and IT Project 2”.',
};

const RECORDS = new Set(['IT', 'HR'].flatMap(bu => [
  ...[1, 2].map(i => `${bu} Portfolio ${i}`), ...[1, 2, 3].map(i => `${bu} Program ${i}`), ...[1, 2, 3].map(i => `${bu} Project ${i}`)]));

/** 'RW', 'R' or 'none' as documented for user on the record called name; null when the example does not mention it. */
export function documented(userKey, table, name) {
  if (!RECORDS.has(name)) return null;
  if (READ_WRITE[userKey].includes(name)) return 'RW';
  const bu = USERS.find(u => u.key === userKey).bu;
  return name.startsWith(`${bu} `) && table !== 'sensei_portfolio' ? 'R' : 'none';
}
