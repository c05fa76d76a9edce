// Drives the emulator with the DynamicsWebApi library, unchanged, and prints what it observed as one JSON object.
// DynamicsWebApiClientAcceptanceTest compares that with what each user may read; this script judges nothing itself.
// Usage: node dynamics-web-api-client.mjs <server url> <user> [<user> ...]   (every demo user's password is "demo")
import { readFileSync } from "node:fs";
import { DynamicsWebApi } from "dynamics-web-api";

const [serverUrl, ...users] = process.argv.slice(2);
const PAGE = 5; // a small FetchXML count and OData page size, so that every walk crosses several pages

// The emulator's simulated Entra ID: the resource-owner password grant, as in the README's curl example.
async function token(user) {
    const form = new URLSearchParams({ grant_type: "password", username: user, password: "demo", scope: `${serverUrl}/.default` });
    const r = await fetch(`${serverUrl}/common/oauth2/v2.0/token`, { method: "POST", body: form });
    if (!r.ok) throw new Error(`token for ${user}: ${r.status} ${await r.text()}`);
    return (await r.json()).access_token;
}

function client(accessToken) {
    return new DynamicsWebApi({ serverUrl, dataApi: { version: "9.2" }, onTokenRefresh: async () => accessToken });
}

const riskFetch = `<fetch count="${PAGE}"><entity name="sensei_risk"><attribute name="sensei_riskid"/><attribute name="sensei_name"/><order attribute="sensei_name"/></entity></fetch>`;
const projectFetch = `<fetch count="${PAGE}"><entity name="sensei_project"><attribute name="sensei_projectid"/></entity></fetch>`;
const ids = (rows, key) => rows.map((r) => r[key]);

async function reads(api) {
    // fetchAll: the library pages on @Microsoft.Dynamics.CRM.fetchxmlpagingcookie alone, sending no Prefer header
    const fetchAllRisks = ids((await api.fetchAll({ collection: "sensei_risks", fetchXml: riskFetch })).value, "sensei_riskid");
    const fetchAllProjects = ids((await api.fetchAll({ collection: "sensei_projects", fetchXml: projectFetch })).value, "sensei_projectid");

    // fetch page by page, as the library's README shows: PagingInfo carries the next page number and cookie
    const paged = [];
    let fetchPages = 0;
    let request = { collection: "sensei_risks", fetchXml: riskFetch, pageNumber: 1 };
    for (;;) {
        const page = await api.fetch(request);
        fetchPages++;
        paged.push(...ids(page.value, "sensei_riskid"));
        if (!page.PagingInfo || fetchPages > 100) break;
        request = { ...request, pageNumber: page.PagingInfo.nextPage, pagingCookie: page.PagingInfo.cookie };
    }

    // retrieveMultiple with odata.maxpagesize, following @odata.nextLink by hand; retrieveAll does the same itself
    const listRequest = { collection: "sensei_risks", select: ["sensei_riskid"], maxPageSize: PAGE };
    const listed = [];
    let listPages = 0;
    let next;
    do {
        const page = await api.retrieveMultiple(listRequest, next);
        listPages++;
        listed.push(...ids(page.value, "sensei_riskid"));
        next = page.oDataNextLink;
    } while (next && listPages <= 100);
    const retrieveAll = ids((await api.retrieveAll(listRequest)).value, "sensei_riskid");

    return { fetchAllRisks, fetchAllProjects, paged, fetchPages, listed, listPages, retrieveAll };
}

async function writes(api) {
    const created = await api.create({
        collection: "sensei_portfolios",
        data: { sensei_name: "From DynamicsWebApi" },
        returnRepresentation: true,
        select: ["sensei_portfolioid", "sensei_name"],
    });
    const id = created.sensei_portfolioid;
    await api.update({ collection: "sensei_portfolios", key: id, data: { sensei_name: "Renamed by DynamicsWebApi" } });
    const read = await api.retrieve({ collection: "sensei_portfolios", key: id, select: ["sensei_name"] });
    return { id, createdName: created.sensei_name, readName: read.sensei_name, etag: read["@odata.etag"] ?? null };
}

// A refusal as the library reports it: the HTTP status and Dataverse's error code.
async function refusal(api, id) {
    try {
        await api.retrieve({ collection: "sensei_portfolios", key: id, select: ["sensei_name"] });
        return { status: 200 };
    } catch (e) {
        return { status: e.status, code: e.code ?? null };
    }
}

const installed = JSON.parse(readFileSync(new URL("./node_modules/dynamics-web-api/package.json", import.meta.url), "utf8"));
const out = { library: installed.version, users: {} };
const apis = {};
for (const user of users) {
    apis[user] = client(await token(user));
    out.users[user] = await reads(apis[user]);
}
out.writes = await writes(apis[users[0]]);
out.refusals = {};
for (const user of users.slice(1)) out.refusals[user] = await refusal(apis[user], out.writes.id);
process.stdout.write(JSON.stringify(out) + "\n");
