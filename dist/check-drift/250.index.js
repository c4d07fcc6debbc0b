export const id = 250;
export const ids = [250];
export const modules = {

/***/ 6250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eO: () => (/* binding */ fetchProfile),
  wi: () => (/* binding */ registryInput),
  sX: () => (/* binding */ resolveReference)
});

// UNUSED EXPORTS: fetchOnnxModel

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/inputs/parsers.ts
var parsers = __webpack_require__(8945);
// EXTERNAL MODULE: ./src/core/profile/profile.ts
var profile = __webpack_require__(7416);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
;// CONCATENATED MODULE: ./src/core/registry/alias-event.ts
/** The entry for moving `alias` to `version`, from `previous` when it pointed somewhere before. */
function aliasEvent(alias, version, previous, actor, reason, now) {
    return {
        alias,
        version,
        ...(previous === undefined ? {} : { previous }),
        at: now.toISOString(),
        ...(actor.actor === undefined ? {} : { actor: actor.actor }),
        ...(actor.runUrl === undefined ? {} : { runUrl: actor.runUrl }),
        ...(actor.gitSha === undefined ? {} : { gitSha: actor.gitSha }),
        reason,
    };
}
/** The actor of a registration: who ran it, from which run and commit. */
function actorOf(request) {
    const { actor, runUrl, gitSha } = request.lineage;
    return { ...(actor === undefined ? {} : { actor }), ...(runUrl === undefined ? {} : { runUrl }), ...(gitSha === undefined ? {} : { gitSha }) };
}

;// CONCATENATED MODULE: ./src/core/registry/index-document.ts
/**
 * The index of one model (format `cd4ml-registry-index`): its committed versions, the version numbers
 * reserved by registrations still in flight, its aliases and their audit trail. It is the single
 * source of truth of an indexed registry: a version exists once the index names it, and every change
 * is one compare-and-swap write of the whole document.
 */

const INDEX_FORMAT = 'cd4ml-registry-index';
const INDEX_VERSION = 1;
function emptyIndex(name) {
    return { format: INDEX_FORMAT, formatVersion: INDEX_VERSION, name, nextVersion: 1, versions: [], reservations: [], aliases: {}, history: [] };
}
function serializeIndex(index) {
    return `${JSON.stringify(index, null, 2)}\n`;
}
/**
 * Parses and checks an index. A corrupt index or one written by a newer cd4ml is refused with a
 * message saying where it is and what to do: nothing is written over it.
 */
function parseIndex(text, where, name) {
    const corrupt = (why) => new errors/* InputError */.dz(`The registry index ${where} is corrupt (${why}); nothing was written. Restore it from its history (the registry branch's commits, S3 object versions or a backup) and run again.`);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw corrupt(`not JSON: ${error.message}`);
    }
    if (!isObject(value))
        throw corrupt('not a JSON object');
    if (value['format'] !== INDEX_FORMAT)
        throw corrupt(`format is ${JSON.stringify(value['format'])}, expected "${INDEX_FORMAT}"`);
    const formatVersion = value['formatVersion'];
    if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1)
        throw corrupt('formatVersion is not a positive whole number');
    if (formatVersion > INDEX_VERSION) {
        throw new errors/* InputError */.dz(`The registry index ${where} has format version ${formatVersion}, newer than this cd4ml-actions understands (${INDEX_VERSION}); upgrade the cd4ml actions to the release that wrote it. Nothing was written.`);
    }
    if (value['name'] !== name)
        throw corrupt(`it is the index of ${JSON.stringify(value['name'])}, not of ${name}`);
    const nextVersion = value['nextVersion'];
    if (typeof nextVersion !== 'number' || !Number.isInteger(nextVersion) || nextVersion < 1)
        throw corrupt('nextVersion is not a positive whole number');
    for (const key of ['versions', 'reservations', 'history']) {
        if (!Array.isArray(value[key]))
            throw corrupt(`${key} is not a list`);
    }
    if (!isObject(value['aliases']))
        throw corrupt('aliases is not an object');
    const index = value;
    const seen = new Set();
    for (const [position, entry] of index.versions.entries()) {
        if (!isObject(entry) || !isVersionNumber(entry.version) || typeof entry.registrationKey !== 'string' || !Array.isArray(entry.files)) {
            throw corrupt(`versions[${position}] is not a version entry`);
        }
        if (entry.version >= nextVersion)
            throw corrupt(`version ${entry.version} is not below nextVersion ${nextVersion}`);
        if (seen.has(entry.version))
            throw corrupt(`version ${entry.version} appears twice`);
        seen.add(entry.version);
    }
    for (const [position, entry] of index.reservations.entries()) {
        if (!isObject(entry) || !isVersionNumber(entry.version) || entry.version >= nextVersion)
            throw corrupt(`reservations[${position}] is not a reservation`);
    }
    for (const [alias, version] of Object.entries(index.aliases)) {
        if (!seen.has(version))
            throw corrupt(`alias ${alias} points at version ${String(version)}, which the index does not have`);
    }
    return index;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isVersionNumber(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
/** The aliases pointing at `version`, sorted. */
function aliasesOf(index, version) {
    return Object.entries(index.aliases)
        .filter(([, target]) => target === version)
        .map(([alias]) => alias)
        .sort();
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./src/core/report/markdown.ts
var markdown = __webpack_require__(4201);
// EXTERNAL MODULE: ./src/core/report/numbers.ts
var numbers = __webpack_require__(3596);
;// CONCATENATED MODULE: ./src/core/registry/model-card.ts
/**
 * The model card of a version (Markdown): what it is, how good it is and on what data, where it
 * came from, how it was trained and on what software, and what it is for. Stored with the version
 * (`model-card.md`), used as the GitHub release notes and shown in the job summary.
 *
 * The optional template is the card's "Intended use" section, written by the team once: Markdown in
 * which `{{name}}`, `{{version}}`, `{{uri}}`, `{{created}}`, `{{git_sha}}` and `{{metric:<name>}}` are
 * replaced. An unknown placeholder is an error naming the template's line, so a typo never reaches
 * a published card.
 */




const MAX_PROFILE_COLUMNS = 25;
const MAX_PARAMS = 50;
function renderModelCard(record, options) {
    const sections = [
        header(record, options.registry),
        metricsSection(record),
        profileSection(record, options.profile),
        lineageSection(record),
        paramsSection(record),
        environmentSection(record),
        options.template === undefined ? '' : `## Intended use\n\n${fillTemplate(options.template.text, options.template.origin, record).trim()}`,
        filesSection(record),
    ];
    return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}
function header(record, registry) {
    const from = record.lineage.gitSha === undefined ? '' : ` from commit \`${record.lineage.gitSha.slice(0, 12)}\``;
    const run = record.lineage.runUrl === undefined ? '' : ` in [this run](${record.lineage.runUrl})`;
    const by = record.lineage.actor === undefined ? '' : ` by @${record.lineage.actor}`;
    return [
        `# ${record.name} v${record.version}`,
        '',
        `\`${record.uri}\` in \`${registry}\`, registered ${record.createdAt}${from}${run}${by}.`,
    ].join('\n');
}
function metricsSection(record) {
    const names = Object.keys(record.metrics).sort();
    if (names.length === 0)
        return '## Metrics\n\nNo metrics were registered with this version.';
    const gate = record.gate;
    const rulesOf = (metric) => gate?.rules.filter((rule) => rule.metric === metric) ?? [];
    const rows = names.map((name) => {
        const value = (0,numbers/* formatValue */.Fl)(record.metrics[name]);
        if (gate === undefined)
            return [`\`${(0,markdown/* cell */.H)(name)}\``, value];
        const rules = rulesOf(name);
        return [
            `\`${(0,markdown/* cell */.H)(name)}\``,
            value,
            rules.map((rule) => (0,markdown/* cell */.H)(rule.rule)).join('; ') || '—',
            rules.length === 0 ? '—' : rules.map((rule) => STATUS[rule.status]).join(' '),
        ];
    });
    const head = gate === undefined ? ['Metric', 'Value'] : ['Metric', 'Value', 'Gate rule', 'Result'];
    const verdict = gate === undefined
        ? ''
        : `\n\n**Gate: ${gate.passed ? 'passed' : 'failed'}** — ${gate.verdict}${gate.baseline === undefined ? '' : ` (baseline: \`${gate.baseline}\`)`}`;
    return `## Metrics\n\n${(0,markdown_table/* markdownTable */.Q)([head, ...rows], { align: head.map((_, i) => (i === 1 ? 'r' : 'l')) })}${verdict}`;
}
const STATUS = { pass: '✅ pass', fail: '❌ fail', skipped: '➖ skipped' };
function profileSection(record, profile) {
    if (record.profile === undefined)
        return '## Data\n\nNo data profile was registered, so check-drift cannot use this version as its reference.';
    const lead = `${record.profile.rows.toLocaleString('en-US')} rows, ${record.profile.columns} columns (profile sha256 \`${record.profile.sha256.slice(0, 12)}\`, the drift reference of this version).`;
    if (profile === undefined)
        return `## Data\n\n${lead}`;
    const shown = profile.columns.slice(0, MAX_PROFILE_COLUMNS);
    const rows = shown.map((column) => {
        const total = column.count + column.nulls;
        const nulls = total === 0 ? '—' : `${((100 * column.nulls) / total).toFixed(1)}%`;
        return [`\`${(0,markdown/* cell */.H)(column.name)}\``, column.type, nulls, (0,markdown/* cell */.H)(describeColumn(column.summary))];
    });
    const more = profile.columns.length > shown.length ? `\n\n… and ${profile.columns.length - shown.length} more columns in \`profile.json\`.` : '';
    return `## Data\n\n${lead}\n\n${(0,markdown_table/* markdownTable */.Q)([['Column', 'Type', 'Nulls', 'Summary'], ...rows])}${more}`;
}
function describeColumn(summary) {
    if (summary.mean !== undefined) {
        const range = typeof summary.min === 'number' && typeof summary.max === 'number' ? `, range ${(0,numbers/* formatValue */.Fl)(summary.min)} to ${(0,numbers/* formatValue */.Fl)(summary.max)}` : '';
        return `mean ${(0,numbers/* formatValue */.Fl)(summary.mean)}${summary.std === undefined ? '' : ` ± ${(0,numbers/* formatValue */.Fl)(summary.std)}`}${range}`;
    }
    if (summary.true_fraction !== undefined)
        return `${(100 * summary.true_fraction).toFixed(1)}% true`;
    if (summary.top !== undefined && summary.top.values.length > 0) {
        return `top: ${summary.top.values
            .slice(0, 3)
            .map(([value, count]) => `${value} (${count.toLocaleString('en-US')})`)
            .join(', ')}`;
    }
    return '';
}
function lineageSection(record) {
    const lineage = record.lineage;
    const rows = [];
    const add = (label, value) => {
        if (value !== undefined)
            rows.push([label, value]);
    };
    add('Git commit', lineage.gitSha === undefined ? undefined : `\`${lineage.gitSha}\``);
    add('Repository', lineage.repository);
    add('Ref', lineage.ref === undefined ? undefined : `\`${(0,markdown/* cell */.H)(lineage.ref)}\``);
    add('Workflow run', lineage.runUrl === undefined ? lineage.runId : `[${lineage.runId ?? 'run'}](${lineage.runUrl})`);
    add('Parent version', lineage.parentVersion === undefined ? undefined : `v${lineage.parentVersion}`);
    add('Data fingerprint', lineage.dataFingerprint === undefined ? undefined : `\`${lineage.dataFingerprint}\``);
    add('Provenance', record.attestation === undefined ? undefined : record.attestation.url === undefined ? `attestation ${record.attestation.id}` : `[attestation ${record.attestation.id}](${record.attestation.url})`);
    add('Registration key', `\`${record.registrationKey}\``);
    return `## Lineage\n\n${(0,markdown_table/* markdownTable */.Q)([['', ''], ...rows])}`;
}
function paramsSection(record) {
    const entries = Object.entries(record.params);
    if (entries.length === 0)
        return '';
    const rows = entries.slice(0, MAX_PARAMS).map(([key, value]) => [`\`${(0,markdown/* cell */.H)(key)}\``, `\`${(0,markdown/* cell */.H)(JSON.stringify(value) ?? 'null')}\``]);
    const more = entries.length > MAX_PARAMS ? `\n\n… and ${entries.length - MAX_PARAMS} more in \`record.json\`.` : '';
    return `## Parameters\n\n${(0,markdown_table/* markdownTable */.Q)([['Parameter', 'Value'], ...rows])}${more}`;
}
function environmentSection(record) {
    const entries = Object.entries(record.environment).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.length === 0)
        return '';
    return `## Environment\n\n${(0,markdown_table/* markdownTable */.Q)([['Package', 'Version'], ...entries.map(([name, version]) => [(0,markdown/* cell */.H)(name), `\`${(0,markdown/* cell */.H)(version)}\``])])}`;
}
function filesSection(record) {
    const rows = record.files.map((file) => [`\`${(0,markdown/* cell */.H)(file.path)}\``, file.size.toLocaleString('en-US'), `\`${file.sha256}\``]);
    return `## Files\n\n${(0,markdown_table/* markdownTable */.Q)([['File', 'Bytes', 'sha256'], ...rows], { align: ['l', 'r', 'l'] })}`;
}
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
/** The template with its placeholders filled; an unknown one is an InputError naming its line. */
function fillTemplate(text, origin, record) {
    return text
        .split('\n')
        .map((line, index) => line.replace(PLACEHOLDER, (_match, key) => {
        const value = placeholder(key, record);
        if (value === undefined)
            throw unknownPlaceholder(origin, index + 1, key);
        return value;
    }))
        .join('\n');
}
/**
 * Checks a template before anything is registered: every placeholder must be known, and every
 * `{{metric:<name>}}` must name one of `metrics`.
 */
function checkTemplate(text, origin, metrics) {
    for (const [index, line] of text.split('\n').entries()) {
        for (const match of line.matchAll(PLACEHOLDER)) {
            const key = match[1];
            const known = FIXED_PLACEHOLDERS.includes(key) || (key.startsWith('metric:') && metrics.includes(key.slice('metric:'.length)));
            if (!known)
                throw unknownPlaceholder(origin, index + 1, key);
        }
    }
}
const FIXED_PLACEHOLDERS = (/* unused pure expression or super */ null && (['name', 'version', 'uri', 'created', 'git_sha']));
function unknownPlaceholder(origin, line, key) {
    return new errors/* InputError */.dz(`${origin}:${line}: unknown placeholder {{${key}}}; use {{name}}, {{version}}, {{uri}}, {{created}}, {{git_sha}} or {{metric:<name>}} with a registered metric.`);
}
function placeholder(key, record) {
    switch (key) {
        case 'name':
            return record.name;
        case 'version':
            return String(record.version);
        case 'uri':
            return record.uri;
        case 'created':
            return record.createdAt;
        case 'git_sha':
            return record.lineage.gitSha ?? 'unknown';
    }
    if (key.startsWith('metric:')) {
        const value = record.metrics[key.slice('metric:'.length)];
        return value === undefined ? undefined : (0,numbers/* formatValue */.Fl)(value);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/registry/not-found.ts

/**
 * The registry has no such model, version or alias. An InputError (the user named it), set apart so
 * that callers for whom absence is normal can tell it from other mistakes: evaluate-gate's first run,
 * before any version is in production, has no baseline rather than an error.
 */
class NotInRegistryError extends errors/* InputError */.dz {
}

;// CONCATENATED MODULE: ./src/core/registry/names.ts
/**
 * Names in the registry and the ways users write them: model names and aliases (safe in paths, git
 * tags, S3 keys and SageMaker group names), version selectors (`7`, `@production`) and references
 * (`registry:churn@production`).
 */

/** Letters, digits and `-`, `_`, `.`; starting with a letter or digit; at most 63 characters. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
/** Aliases start with a letter, so `7` is always a version and `production` always an alias. */
const ALIAS = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;
/** Throws an InputError naming `what` unless `name` is a valid model name. */
function checkModelName(name, what) {
    if (!NAME.test(name) || name.includes('..')) {
        throw new errors/* InputError */.dz(`${what}: "${name}" is not a valid model name; use letters, digits, "-", "_" and "." (starting with a letter or digit, at most 63 characters), e.g. churn-model.`);
    }
    return name;
}
/** Throws an InputError naming `what` unless `alias` is a valid alias. */
function checkAlias(alias, what) {
    if (!ALIAS.test(alias) || alias.includes('..')) {
        throw new errors/* InputError */.dz(`${what}: "${alias}" is not a valid alias; use letters, digits, "-", "_" and "." starting with a letter (at most 63 characters), e.g. production.`);
    }
    return alias;
}
/** `7`, `v7` → version 7; `@production` or `production` → the alias. */
function parseSelector(text, what) {
    const trimmed = text.trim();
    const version = /^v?(\d+)$/.exec(trimmed);
    if (version !== null) {
        const number = Number(version[1]);
        if (!Number.isSafeInteger(number) || number < 1) {
            throw new errors/* InputError */.dz(`${what}: "${text}" is not a version; versions are whole numbers from 1.`);
        }
        return { version: number };
    }
    return { alias: checkAlias(trimmed.startsWith('@') ? trimmed.slice(1) : trimmed, what) };
}
function describeSelector(selector) {
    return 'version' in selector ? `version ${selector.version}` : `alias ${selector.alias}`;
}
/** Whether an input names a registry version (`registry:<name>@<version|alias>`). */
function isRegistryReference(text) {
    return text.trim().startsWith('registry:');
}
/** Parses `registry:<name>@<version|alias>`; `what` names the input in messages. */
function parseReference(text, what) {
    const match = /^registry:([^@\s]+)@(\S+)$/.exec(text.trim());
    if (match === null) {
        throw new errors/* InputError */.dz(`${what}: "${text}" is not a registry reference; write registry:<name>@<version or alias>, e.g. registry:churn@production or registry:churn@7.`);
    }
    return { name: checkModelName(match[1], what), selector: parseSelector(match[2], what) };
}
function formatReference(name, version) {
    return `registry:${name}@${version}`;
}

;// CONCATENATED MODULE: ./src/core/gate/metrics-file.ts
/**
 * Metrics given as numbers: a JSON file as DVC and most training scripts write it, flat
 * (`{"roc_auc": 0.83}`) or nested (`{"test": {"roc_auc": 0.83}}`), or the evaluation JSON this action
 * writes itself (format `cd4ml-evaluation`, whose candidate values are used). Nested keys are joined
 * with dots, as `dvc metrics show` does; a metric is found by its full key or, when unique, by its
 * last segment (`roc_auc` finds `test.roc_auc`).
 */

function flatten(value, prefix, into) {
    if (typeof value === 'number') {
        if (prefix !== '')
            into.set(prefix, value);
        return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return;
    for (const [key, inner] of Object.entries(value))
        flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
}
function isEvaluationJson(value) {
    return typeof value === 'object' && value !== null && value.format === 'cd4ml-evaluation';
}
/** The metrics of a parsed JSON document; `origin` names it in messages. */
function metrics_file_readMetricsJson(value, origin) {
    const values = new Map();
    if (isEvaluationJson(value)) {
        for (const metric of value.metrics)
            if (typeof metric.candidate === 'number')
                values.set(metric.name, metric.candidate);
    }
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        flatten(value, '', values);
    }
    else {
        throw new InputError(`${origin} is not a metrics file: expected a JSON object of numbers such as {"roc_auc": 0.83}.`);
    }
    if (values.size === 0) {
        throw new InputError(`${origin} has no numbers: expected a JSON object of metrics such as {"roc_auc": 0.83} (nested objects are fine).`);
    }
    return { origin, values };
}
/** Parses JSON text from `origin` (a file or a file at a commit) into metrics. */
function parseMetricsText(text, origin) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new InputError(`${origin} is not valid JSON: ${error.message}.`);
    }
    return metrics_file_readMetricsJson(value, origin);
}
/** The value of metric `name`: by full key, else by a unique last segment; undefined when absent. */
function findMetric(file, name) {
    const exact = file.values.get(name);
    if (exact !== undefined)
        return exact;
    const matches = [...file.values.keys()].filter((key) => key.endsWith(`.${name}`));
    if (matches.length > 1) {
        throw new InputError(`${file.origin} has several metrics named ${name} (${matches.join(', ')}): name one of them in full in the policy.`);
    }
    return matches.length === 1 ? file.values.get(matches[0]) : undefined;
}
/** The value of `name`, or an error saying the file lacks it and what it has. */
function requireMetric(file, name, why) {
    const value = findMetric(file, name);
    if (value !== undefined)
        return value;
    const known = [...file.values.keys()];
    const shown = known.slice(0, 12).join(', ') + (known.length > 12 ? `, … (${known.length} in all)` : '');
    throw new InputError(`${file.origin} has no metric ${name}, which ${why}; it has: ${shown}.`);
}

;// CONCATENATED MODULE: ./src/core/registry/types.ts
const RECORD_FORMAT = 'cd4ml-model-record';
const RECORD_VERSION = 1;

;// CONCATENATED MODULE: ./src/core/registry/registration.ts
/**
 * What a registration is made of, independent of the backend: the key that makes a re-run return
 * the version it already made, the model record, and the gate result read from evaluate-gate's
 * output.
 */




/** JSON with object keys sorted at every depth, so equal content hashes equally. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
const sha256Text = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** The sha256 of what is registered: the model files (path and sha256), metrics, params and profile. */
function contentHash(request) {
    return sha256Text(canonicalJson({
        files: request.files.map((file) => [file.path, file.sha256]).sort(([a], [b]) => (a < b ? -1 : 1)),
        metrics: request.metrics,
        params: request.params,
        profile: request.profile === undefined ? null : sha256Text(request.profile.text),
    }));
}
/**
 * One registration: the workflow run (its id; re-running a job keeps it) and the content. The same
 * key means the same registration, so a re-run returns the version made before. Outside a workflow
 * (no run id) equal content is the same registration.
 */
function registrationKey(request) {
    const run = request.lineage.runId === undefined ? 'local' : `run:${request.lineage.repository ?? ''}:${request.lineage.runId}`;
    return sha256Text(`${run}\n${contentHash(request)}`).slice(0, 40);
}
/** The model record of a new version. */
function buildRecord(request, parts) {
    const lineage = { ...request.lineage, ...(parts.parentVersion === undefined ? {} : { parentVersion: parts.parentVersion }) };
    return {
        format: RECORD_FORMAT,
        formatVersion: RECORD_VERSION,
        name: request.name,
        version: parts.version,
        uri: formatReference(request.name, parts.version),
        createdAt: request.now.toISOString(),
        registrationKey: parts.registrationKey,
        files: parts.files,
        metrics: request.metrics,
        ...(request.gate === undefined ? {} : { gate: request.gate }),
        params: request.params,
        ...(request.profile === undefined || parts.profileSha256 === undefined
            ? {}
            : { profile: { rows: request.profile.document.rows, columns: request.profile.document.columns.length, sha256: parts.profileSha256 } }),
        lineage,
        environment: request.environment,
        aliases: [],
        ...(request.attestation === undefined ? {} : { attestation: request.attestation }),
    };
}
/** The record as stored: without the aliases, which change after the version is made. */
function storedRecordText(record) {
    const { aliases: _aliases, ...stored } = record;
    return `${JSON.stringify(stored, null, 2)}\n`;
}
/**
 * The numbers of a metrics document (DVC flat or nested, or evaluate-gate's `cd4ml-evaluation`
 * output), and the gate's result when it is the latter.
 */
function metricsOf(value, origin) {
    const metrics = Object.fromEntries(readMetricsJson(value, origin).values);
    const document = value;
    if (document.format !== 'cd4ml-evaluation' || typeof document.passed !== 'boolean')
        return { metrics };
    const outcomes = Array.isArray(document.outcomes) ? document.outcomes : [];
    const baseline = describeBaseline(document.baseline);
    return {
        metrics,
        gate: {
            passed: document.passed,
            verdict: typeof document.verdict === 'string' ? document.verdict : document.passed ? 'passed' : 'failed',
            ...(baseline === undefined ? {} : { baseline }),
            rules: outcomes.map((outcome) => ({ metric: String(outcome.metric), rule: String(outcome.check), status: ruleStatus(outcome.status) })),
        },
    };
}
function describeBaseline(baseline) {
    if (typeof baseline !== 'object' || baseline === null)
        return undefined;
    const side = baseline;
    if (typeof side.path === 'string')
        return side.path;
    if (typeof side.origin === 'string')
        return side.origin;
    return undefined;
}
function ruleStatus(status) {
    return status === 'fail' || status === 'skipped' ? status : 'pass';
}

// EXTERNAL MODULE: ./src/core/files/sha256.ts
var sha256 = __webpack_require__(9548);
;// CONCATENATED MODULE: ./src/core/registry/verified-files.ts
/**
 * Reading a version's files back, checked against the sha256 its record holds, for every registry:
 * `fileOf` finds a file of a record by path, `checkBytes` checks bytes read whole, and
 * `downloadVerified` writes each file of a record under a directory, through `<file>.partial`
 * renamed into place only once its sha256 matches, refusing a path that would leave the directory.
 *
 * A mismatch is a ServiceError naming who holds the file, its path, both hashes and, when the
 * registry gives one, where the stored file is (e.g. its s3:// location).
 *
 * Complexity: one read of each file's bytes to hash them (streamed for downloads).
 */





/** The file of `record` at `path`; an InputError listing the files it has otherwise. */
function fileOf(record, path) {
    const file = record.files.find((candidate) => candidate.path === path);
    if (file === undefined) {
        throw new errors/* InputError */.dz(`${record.uri} has no file ${path}; it has ${record.files.map((candidate) => candidate.path).join(', ')}.`);
    }
    return file;
}
/** `bytes` when their sha256 is the one recorded for `file`; `owner` names who holds it (a record's URI, `name vN`). */
function checkBytes(bytes, file, owner, detail) {
    const actual = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    if (actual !== file.sha256)
        throw mismatch(owner, file, actual, detail, '');
    return bytes;
}
/**
 * Downloads every file of `record` under `directory` with `fetch`, each checked before it takes its
 * name; the paths written, relative to the directory.
 */
async function downloadVerified(record, directory, fetch, detail = () => undefined) {
    const root = (0,external_node_path_.resolve)(directory);
    const written = [];
    for (const file of record.files) {
        const destination = (0,external_node_path_.resolve)(root, file.path);
        if (destination !== root && !destination.startsWith(root + external_node_path_.sep)) {
            throw new errors/* ServiceError */._7(`${record.uri}: the file path ${file.path} leaves the download directory; the registry was tampered with.`);
        }
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(destination), { recursive: true });
        const partial = `${destination}.partial`;
        await fetch(file, partial);
        const actual = await (0,sha256/* sha256File */.Q)(partial);
        if (actual !== file.sha256) {
            await (0,promises_.rm)(partial, { force: true });
            throw mismatch(record.uri, file, actual, detail(file), ' Nothing was written.');
        }
        await (0,promises_.rename)(partial, destination);
        written.push((0,external_node_path_.relative)(root, destination));
    }
    return written;
}
function mismatch(owner, file, actual, detail, after) {
    const stored = detail === undefined ? 'the stored file' : `the stored file (${detail})`;
    return new errors/* ServiceError */._7(`${owner}: ${file.path} has sha256 ${actual}, but the registry recorded ${file.sha256}; ${stored} was changed or damaged.${after}`);
}
/** The version's ONNX model files (under `model/`). */
function verified_files_onnxModels(record) {
    return record.files.filter((file) => file.path.startsWith('model/') && file.path.toLowerCase().endsWith('.onnx'));
}

;// CONCATENATED MODULE: ./src/core/registry/indexed-registry.ts
/**
 * A `ModelRegistry` over a `RegistryStorage`: one index document per model, changed only by
 * compare-and-swap writes (retried with jittered backoff when another writer came first), and the
 * versions' files stored before the index names them.
 *
 * A registration takes three steps, so an interruption at any point leaves no visible half-version:
 * 1. reserve: the index hands out `nextVersion` and records the reservation (readers ignore it);
 * 2. store: the model files, profile, record and card go to the storage under that version;
 * 3. commit: one index write turns the reservation into a version and moves the alias, if asked.
 * The registration key (run id + content hash) is in the reservation and the version, so a re-run
 * finds its reservation (and stores again under the same number) or its committed version (and
 * returns it). A reserved number whose run never returns stays unused: numbers are never reused.
 */














const RECORD_FILE = 'record.json';
const CARD_FILE = 'model-card.md';
const PROFILE_FILE = 'profile.json';
const DEFAULT_RETRY = { attempts: 100, baseMs: 20, maxMs: 1000 };
class IndexedRegistry {
    storage;
    options;
    description;
    retry;
    constructor(storage, options = {}) {
        this.storage = storage;
        this.options = options;
        this.description = storage.description;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
    }
    async register(request) {
        const name = checkModelName(request.name, 'name');
        if (request.alias !== undefined)
            checkAlias(request.alias, 'alias');
        if (request.files.length === 0)
            throw new errors/* InputError */.dz(`Registering ${name}: no model files were given; name the model file, directory or glob.`);
        const key = registrationKey(request);
        const reserved = await this.update(name, (index) => {
            const parent = request.alias !== undefined && index.aliases[request.alias] !== undefined ? index.aliases[request.alias] : index.versions.at(-1)?.version;
            const done = index.versions.find((entry) => entry.registrationKey === key);
            if (done !== undefined)
                return { result: { version: done.version, committed: true, parent }, write: false };
            const pending = index.reservations.find((entry) => entry.registrationKey === key);
            if (pending !== undefined)
                return { result: { version: pending.version, committed: false, parent }, write: false };
            const version = index.nextVersion;
            index.nextVersion += 1;
            index.reservations.push({ version, registrationKey: key, reservedAt: request.now.toISOString() });
            return { result: { version, committed: false, parent }, write: true };
        });
        if (reserved.committed) {
            this.options.logger?.info(`${name} v${reserved.version} was already registered by this run with the same content; nothing new was made.`);
            return this.existing(name, reserved.version);
        }
        const version = reserved.version;
        const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'cd4ml-register-'));
        try {
            const context = { card: '', ...(request.lineage.gitSha === undefined ? {} : { gitSha: request.lineage.gitSha }) };
            const staged = request.files.map((file) => ({ ...file, path: `model/${file.path}` }));
            let profileSha256;
            if (request.profile !== undefined) {
                const profileFile = await stage(scratch, PROFILE_FILE, request.profile.text);
                profileSha256 = profileFile.sha256;
                staged.push(profileFile);
            }
            const files = await this.storage.putFiles(name, version, staged, context);
            const record = buildRecord(request, {
                version,
                registrationKey: key,
                files,
                ...(profileSha256 === undefined ? {} : { profileSha256 }),
                ...(reserved.parent === undefined ? {} : { parentVersion: reserved.parent }),
            });
            const card = renderModelCard(record, {
                registry: this.description,
                ...(request.profile === undefined ? {} : { profile: request.profile.document }),
                ...(request.cardTemplate === undefined ? {} : { template: { text: request.cardTemplate, origin: 'model-card-template' } }),
            });
            context.card = card;
            const documents = await this.storage.putFiles(name, version, [await stage(scratch, RECORD_FILE, storedRecordText(record)), await stage(scratch, CARD_FILE, card)], context);
            const committed = await this.update(name, (index) => {
                if (index.versions.some((entry) => entry.registrationKey === key))
                    return { result: { previous: undefined, duplicate: true }, write: false };
                index.reservations = index.reservations.filter((entry) => entry.version !== version);
                const entry = {
                    version,
                    createdAt: record.createdAt,
                    registrationKey: key,
                    files: [...files, ...documents],
                    metrics: record.metrics,
                    ...(record.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }),
                    ...(record.lineage.runUrl === undefined ? {} : { runUrl: record.lineage.runUrl }),
                };
                index.versions.push(entry);
                index.versions.sort((a, b) => a.version - b.version);
                let previous;
                if (request.alias !== undefined) {
                    previous = moveAlias(index, request.alias, version, actorOf(request), 'register', request.now);
                }
                return { result: { previous, duplicate: false }, write: true };
            });
            if (committed.duplicate)
                return this.existing(name, version);
            await this.storage.publish?.(name, version, context);
            record.aliases = request.alias === undefined ? [] : [request.alias];
            return { record, card, created: true, ...(committed.previous === undefined ? {} : { previousVersion: committed.previous }) };
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        }
    }
    async setAlias(name, alias, version, actor, reason, now) {
        checkModelName(name, 'name');
        checkAlias(alias, 'alias');
        const previous = await this.update(name, (index) => {
            if (!index.versions.some((entry) => entry.version === version))
                throw this.unknown(name, index, { version });
            const before = index.aliases[alias];
            if (before === version)
                return { result: before, write: false };
            return { result: moveAlias(index, alias, version, actor, reason, now), write: true };
        });
        return previous === undefined ? {} : { previous };
    }
    async resolve(name, selector) {
        const index = await this.readExisting(name);
        const version = 'version' in selector ? selector.version : index.aliases[selector.alias];
        const entry = version === undefined ? undefined : index.versions.find((candidate) => candidate.version === version);
        if (entry === undefined)
            throw this.unknown(name, index, selector);
        return this.recordOf(index, entry);
    }
    async list(name) {
        const index = await this.readExisting(name);
        return index.versions.map((entry) => ({
            version: entry.version,
            createdAt: entry.createdAt,
            aliases: aliasesOf(index, entry.version),
            ...(entry.gitSha === undefined ? {} : { gitSha: entry.gitSha }),
            ...(entry.runUrl === undefined ? {} : { runUrl: entry.runUrl }),
            metrics: entry.metrics,
        }));
    }
    async history(name) {
        return (await this.readExisting(name)).history;
    }
    models() {
        return this.storage.models();
    }
    async readFile(record, path) {
        return this.checkedRead(fileOf(record, path), record.uri);
    }
    async download(record, directory) {
        return downloadVerified(record, directory, (file, destination) => this.storage.downloadFile(file, destination));
    }
    /** Reads the index, applies `mutate`, and writes it back if asked, retrying when another writer came first. */
    async update(name, mutate) {
        return (0,retry/* retryWhileUndefined */.mX)(`Updating the registry index of ${name} in ${this.description}`, this.retry, async () => {
            const snapshot = await this.storage.readIndex(name);
            const index = snapshot.text === undefined ? emptyIndex(name) : parseIndex(snapshot.text, this.where(name), name);
            const { result, write } = mutate(index);
            if (!write)
                return { result };
            const written = await this.storage.writeIndex(name, serializeIndex(index), snapshot.token);
            return written ? { result } : undefined;
        }).then((outcome) => outcome.result);
    }
    async readExisting(name) {
        checkModelName(name, 'name');
        const snapshot = await this.storage.readIndex(name);
        if (snapshot.text === undefined) {
            const models = await this.storage.models();
            const known = models.length === 0 ? 'it has no models yet; register one with register-model' : `it has ${models.join(', ')}`;
            throw new NotInRegistryError(`${this.description} has no model named ${name}; ${known}.`);
        }
        return parseIndex(snapshot.text, this.where(name), name);
    }
    /** A registration made before: its record and card, and its release published if it was not yet. */
    async existing(name, version) {
        const index = await this.readExisting(name);
        const entry = index.versions.find((candidate) => candidate.version === version);
        if (entry === undefined)
            throw this.unknown(name, index, { version });
        const record = await this.recordOf(index, entry);
        const card = Buffer.from(await this.checkedRead(this.indexedFile(name, entry, CARD_FILE), `${name} v${version}`)).toString('utf8');
        await this.storage.publish?.(name, version, { card, ...(record.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }) });
        return { record, card, created: false };
    }
    async recordOf(index, entry) {
        const owner = `${index.name} v${entry.version}`;
        const bytes = await this.checkedRead(this.indexedFile(index.name, entry, RECORD_FILE), owner);
        const record = JSON.parse(Buffer.from(bytes).toString('utf8'));
        if (record.format !== RECORD_FORMAT)
            throw new errors/* ServiceError */._7(`${this.description}: ${owner}'s ${RECORD_FILE} is not a model record.`);
        return { ...record, aliases: aliasesOf(index, entry.version) };
    }
    indexedFile(name, entry, path) {
        const file = entry.files.find((candidate) => candidate.path === path);
        if (file === undefined)
            throw new errors/* ServiceError */._7(`${this.description}: ${name} v${entry.version} has no ${path} in its index entry; the index was edited by hand.`);
        return file;
    }
    async checkedRead(file, owner) {
        return checkBytes(await this.storage.readFile(file), file, owner);
    }
    unknown(name, index, selector) {
        const versions = index.versions.map((entry) => entry.version);
        const have = versions.length === 0 ? 'no versions yet' : versions.length <= 10 ? `versions ${versions.join(', ')}` : `versions ${versions[0]} to ${versions.at(-1)} (${versions.length})`;
        const aliases = Object.entries(index.aliases).map(([alias, version]) => `${alias} → ${version}`);
        return new NotInRegistryError(`${this.description}: ${name} has no ${describeSelector(selector)}; it has ${have}${aliases.length === 0 ? ' and no aliases' : `; aliases ${aliases.join(', ')}`}.`);
    }
    where(name) {
        return `of ${name} in ${this.description}`;
    }
}
function moveAlias(index, alias, version, actor, reason, now) {
    const previous = index.aliases[alias];
    index.aliases[alias] = version;
    index.history.push(aliasEvent(alias, version, previous, actor, reason, now));
    return previous;
}
/** Writes a registry document to the scratch directory and describes it as a LocalFile. */
async function stage(scratch, path, text) {
    const file = (0,external_node_path_.join)(scratch, path);
    await (0,promises_.writeFile)(file, text);
    return { path, file, sha256: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'), size: Buffer.byteLength(text) };
}

// EXTERNAL MODULE: ./src/core/files/write-file-atomic.ts
var write_file_atomic = __webpack_require__(9501);
;// CONCATENATED MODULE: ./src/core/registry/file-storage.ts
/**
 * The `file://` registry: a directory, for the CLI, the demo and self-hosted runners with a
 * persistent disk. Layout: `<dir>/<name>/index.json` and `<dir>/<name>/v<N>/<path>` for the files.
 *
 * Compare-and-swap on the index: a writer takes `<name>/index.lock` (created exclusively, O_EXCL),
 * compares the index's sha256 with the one it read, writes a temporary file and renames it over the
 * index, then drops the lock. A busy lock counts as a lost race (the caller retries with backoff); a
 * lock older than 30 s was left by a crashed writer and is broken. Files are copied to a temporary
 * name and renamed, so a reader never sees half a file.
 */





const STALE_LOCK_MS = 30_000;
function createFileStorage(directory) {
    const root = (0,external_node_path_.resolve)(directory);
    const indexPath = (name) => (0,external_node_path_.join)(root, name, 'index.json');
    const inside = (location) => {
        const path = (0,external_node_path_.resolve)(root, location);
        if (!path.startsWith(root + external_node_path_.sep))
            throw new errors/* InputError */.dz(`file://${root}: the location ${location} is outside the registry directory; the index was edited by hand.`);
        return path;
    };
    async function readIndex(name) {
        try {
            const text = await (0,promises_.readFile)(indexPath(name), 'utf8');
            return { text, token: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex') };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return { text: undefined, token: undefined };
            throw fileError(error, `read ${indexPath(name)}`);
        }
    }
    return {
        description: `file://${root}`,
        readIndex,
        async writeIndex(name, text, token) {
            const lock = (0,external_node_path_.join)(root, name, 'index.lock');
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(lock), { recursive: true }).catch((error) => {
                throw fileError(error, `create ${(0,external_node_path_.dirname)(lock)}`);
            });
            let handle;
            try {
                handle = await (0,promises_.open)(lock, 'wx');
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw fileError(error, `create ${lock}`);
                await breakStaleLock(lock);
                return false;
            }
            try {
                await handle.writeFile(`${process.pid}\n`);
                await handle.close();
                const current = await readIndex(name);
                if (current.token !== token)
                    return false;
                await (0,write_file_atomic/* writeFileAtomic */.Z)(indexPath(name), text, `The registry index of ${name}`);
                return true;
            }
            finally {
                await (0,promises_.rm)(lock, { force: true });
            }
        },
        async models() {
            let entries;
            try {
                entries = await (0,promises_.readdir)(root, { withFileTypes: true });
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    return [];
                throw fileError(error, `list ${root}`);
            }
            const names = [];
            for (const entry of entries) {
                if (entry.isDirectory() && (await exists(indexPath(entry.name))))
                    names.push(entry.name);
            }
            return names.sort();
        },
        async putFiles(name, version, files) {
            const stored = [];
            for (const file of files) {
                const location = `${name}/v${version}/${file.path}`;
                const target = inside(location);
                const partial = `${target}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.partial`;
                try {
                    await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
                    await (0,promises_.copyFile)(file.file, partial);
                    await (0,promises_.rename)(partial, target);
                }
                catch (error) {
                    await (0,promises_.rm)(partial, { force: true });
                    throw fileError(error, `copy ${file.file} to ${target}`);
                }
                stored.push({ path: file.path, sha256: file.sha256, size: file.size, location });
            }
            return stored;
        },
        async readFile(file) {
            try {
                return await (0,promises_.readFile)(inside(file.location));
            }
            catch (error) {
                throw fileError(error, `read ${file.location} in file://${root}`);
            }
        },
        async downloadFile(file, destination) {
            try {
                await (0,promises_.copyFile)(inside(file.location), destination);
            }
            catch (error) {
                throw fileError(error, `copy ${file.location} from file://${root}`);
            }
        },
    };
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
/** Removes a lock left by a writer that died more than STALE_LOCK_MS ago. */
async function breakStaleLock(lock) {
    const info = await (0,promises_.stat)(lock).catch(() => undefined);
    if (info === undefined || Date.now() - info.mtimeMs < STALE_LOCK_MS)
        return;
    // Rename first, so two writers breaking the same lock cannot remove a fresh one taken in between.
    const taken = `${lock}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.stale`;
    await (0,promises_.rename)(lock, taken).then(() => (0,promises_.rm)(taken, { force: true }), () => undefined);
}
function fileError(error, what) {
    if (error instanceof errors/* InputError */.dz)
        return error;
    const code = error.code ?? error.message;
    const hint = code === 'ENOENT' ? 'the file or directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'check the permissions' : 'check the disk';
    return new errors/* InputError */.dz(`Cannot ${what} (${code}): ${hint}.`);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/core/registry/uri.ts
/**
 * The `registry` input: which backend holds the models.
 *
 * - `file://<dir>` (or `file:<dir>`): a directory; relative paths resolve from the working directory.
 * - `github` or `github://<owner>/<repo>`: GitHub Releases plus an index branch (`?branch=` to rename
 *   it from `cd4ml-registry`); plain `github` is the repository the workflow runs in.
 * - `s3://<bucket>/<prefix>`: objects in S3 (or an S3-compatible server).
 * - `sagemaker://<model-package-group>` (or `sagemaker://` for a group named as the model), with
 *   `?artifacts=s3://bucket/prefix` where the artifacts and metric reports go, and optionally
 *   `&region=` and `&image=` (the inference image recorded in the package).
 */



const DEFAULT_REGISTRY_BRANCH = 'cd4ml-registry';
const EXPECTED = 'github, github://<owner>/<repo>, file://<directory>, s3://<bucket>/<prefix> or sagemaker://<model-package-group>';
/** Parses a registry URI; `what` names the input in messages; `cwd` resolves relative file paths. */
function parseRegistryUri(text, what, cwd) {
    const uri = text.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
    if (uri === 'github')
        return { kind: 'github', branch: DEFAULT_REGISTRY_BRANCH };
    if (scheme === 'file')
        return { kind: 'file', directory: fileDirectory(uri, what, cwd) };
    if (scheme === undefined && uri !== '' && !uri.includes('://')) {
        throw new errors/* InputError */.dz(`${what}: "${text}" names no registry; use ${EXPECTED} (a local directory is file://${uri}).`);
    }
    let url;
    try {
        url = new URL(uri);
    }
    catch {
        throw new errors/* InputError */.dz(`${what}: "${text}" is not a registry URI; use ${EXPECTED}.`);
    }
    const options = url.searchParams;
    if (scheme === 'github') {
        const parts = `${url.host}${url.pathname}`.split('/').filter((part) => part !== '');
        if (parts.length !== 2)
            throw new errors/* InputError */.dz(`${what}: "${text}" must name one repository as github://<owner>/<repo>, or be plain github for this repository.`);
        checkOptions(options, ['branch'], what, text);
        return { kind: 'github', repository: { owner: parts[0], repo: parts[1] }, branch: options.get('branch') ?? DEFAULT_REGISTRY_BRANCH };
    }
    if (scheme === 's3') {
        checkOptions(options, [], what, text);
        if (url.host.length < 3)
            throw new errors/* InputError */.dz(`${what}: "${text}" has no bucket; write s3://<bucket>/<prefix>.`);
        return { kind: 's3', bucket: url.host, prefix: url.pathname.replace(/^\/+|\/+$/g, '') };
    }
    if (scheme === 'sagemaker') {
        checkOptions(options, ['artifacts', 'region', 'image'], what, text);
        const group = `${url.host}${url.pathname}`.replace(/\/+$/, '');
        const artifacts = options.get('artifacts') ?? undefined;
        let bucket;
        if (artifacts !== undefined) {
            if (!artifacts.startsWith('s3://'))
                throw new errors/* InputError */.dz(`${what}: artifacts=${artifacts} must be an s3://<bucket>/<prefix> URI.`);
            const parsed = parseRegistryUri(artifacts, `${what} (artifacts=)`, cwd);
            if (parsed.kind !== 's3')
                throw new errors/* InputError */.dz(`${what}: artifacts=${artifacts} must be an s3://<bucket>/<prefix> URI.`);
            bucket = { bucket: parsed.bucket, prefix: parsed.prefix };
        }
        return {
            kind: 'sagemaker',
            ...(group === '' ? {} : { group }),
            ...(bucket === undefined ? {} : { artifacts: bucket }),
            ...(options.get('region') === null ? {} : { region: options.get('region') }),
            ...(options.get('image') === null ? {} : { image: options.get('image') }),
        };
    }
    throw new errors/* InputError */.dz(`${what}: "${text}" has the unknown scheme ${scheme}:; use ${EXPECTED}.`);
}
function fileDirectory(uri, what, cwd) {
    if (/^file:\/\/[^/]/.test(uri) && !uri.startsWith('file://./') && !uri.startsWith('file://..')) {
        // file://relative/dir is a common way to write a relative path; file://host/… is not used here.
        return (0,external_node_path_.resolve)(cwd, uri.slice('file://'.length));
    }
    if (uri.startsWith('file:///')) {
        try {
            return (0,external_node_url_.fileURLToPath)(uri);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`${what}: "${uri}" is not a file URI (${error.message}); write file:///absolute/dir or file://relative/dir.`);
        }
    }
    const path = uri.replace(/^file:(\/\/)?/, '');
    if (path === '')
        throw new errors/* InputError */.dz(`${what}: "${uri}" names no directory; write file://<directory>, e.g. file://.cd4ml/registry.`);
    return (0,external_node_path_.resolve)(cwd, path);
}
function checkOptions(options, allowed, what, text) {
    for (const key of options.keys()) {
        if (!allowed.includes(key)) {
            const known = allowed.length === 0 ? 'it takes none' : `known: ${allowed.join(', ')}`;
            throw new errors/* InputError */.dz(`${what}: "${text}" has the unknown option ${key}= (${known}).`);
        }
    }
}
/** The URI as written back in messages and records. */
function describeLocation(location) {
    switch (location.kind) {
        case 'file':
            return `file://${location.directory}`;
        case 'github':
            return location.repository === undefined ? 'github' : `github://${location.repository.owner}/${location.repository.repo}`;
        case 's3':
            return `s3://${location.bucket}/${location.prefix}`;
        case 'sagemaker':
            return `sagemaker://${location.group ?? ''}`;
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/core/map-limit.ts
var map_limit = __webpack_require__(3075);
// EXTERNAL MODULE: ./src/platform/aws/aws-errors.ts
var aws_errors = __webpack_require__(5890);
// EXTERNAL MODULE: ./src/platform/aws/clients.ts
var clients = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/platform/aws/s3-errors.ts
var s3_errors = __webpack_require__(2447);
// EXTERNAL MODULE: ./src/platform/aws/s3-objects.ts
var s3_objects = __webpack_require__(2002);
;// CONCATENATED MODULE: ./src/platform/aws/s3-registry-storage.ts
/**
 * The `s3://<bucket>/<prefix>` registry backend: a `RegistryStorage` over Amazon S3 (or an
 * S3-compatible server that implements conditional writes).
 *
 * Layout under the prefix:
 *   <prefix>/<name>/index.json                the model's index; its ETag is the compare-and-swap token
 *   <prefix>/<name>/v<version>/<file path>    the version's files (`model/…`, `record.json`, …)
 *
 * Compare-and-swap is S3's conditional write: PutObject with `If-None-Match: *` creates the index only
 * if there is none, and `If-Match: <ETag>` replaces it only if nobody wrote it since it was read. S3
 * answers 412 PreconditionFailed when the condition does not hold and 409 ConditionalRequestConflict
 * when two conditional writes race; both mean "another writer came first", so `writeIndex` returns
 * false and the caller rereads and retries. An `If-Match` write whose object has meanwhile gone is
 * answered 404 NoSuchKey, which means the same.
 *
 * A server that ignores those headers (s3rver, older MinIO and Ceph releases) silently loses one of two
 * concurrent registrations: use Amazon S3, or a server that implements conditional writes.
 *
 * The objects are read and written through s3-objects.ts: uploads stream from disk with the file's
 * SHA-256 (multipart above `multipartThreshold`, transient failures retried with a fresh stream), and
 * downloads stream to a temporary file beside the destination, renamed over it once complete.
 *
 * Complexity: readIndex and writeIndex are one request each; putFiles one request per file (or per
 * part); models() one ListObjectsV2 per 1000 models plus one HeadObject per model.
 *
 * IAM: s3:GetObject, s3:PutObject and s3:ListBucket on the bucket and prefix (s3:AbortMultipartUpload
 * too when models exceed the multipart threshold).
 */







/** Files uploaded at once, and models checked at once by models() (twice as many). */
const CONCURRENCY = 4;
function createS3RegistryStorage(options) {
    const bucket = options.bucket;
    const prefix = options.prefix.replace(/^\/+|\/+$/g, '');
    const base = prefix === '' ? '' : `${prefix}/`;
    const description = `s3://${bucket}/${prefix}`;
    let client = options.client;
    const s3 = () => (client ??= (0,clients/* s3Client */.oD)(options.region === undefined ? {} : { region: options.region }));
    const objects = new s3_objects/* S3Objects */.NY(s3, options);
    const indexKey = (name) => `${base}${modelSegment(name, description)}/index.json`;
    return {
        description,
        async readIndex(name) {
            const key = indexKey(name);
            const object = await objects.readIfPresent(bucket, key);
            if (object === undefined)
                return { text: undefined, token: undefined };
            if (object.etag === undefined || object.etag === '') {
                throw new errors/* ServiceError */._7(`${(0,s3_objects/* s3Uri */.tT)(bucket, key)}: the S3 server returned the index without an ETag, which the registry needs to detect concurrent writers; use Amazon S3 or a server that returns ETags.`);
            }
            return { text: Buffer.from(object.bytes).toString('utf-8'), token: object.etag };
        },
        async writeIndex(name, text, token) {
            return objects.put(bucket, indexKey(name), Buffer.from(text, 'utf-8'), token === undefined ? { IfNoneMatch: '*' } : { IfMatch: token });
        },
        async models() {
            const candidates = await objects.folders(bucket, base);
            const present = await (0,map_limit/* mapLimit */.s)(candidates, CONCURRENCY * 2, async (name) => {
                const key = `${base}${name}/index.json`;
                try {
                    await s3().send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: bucket, Key: key }));
                    return true;
                }
                catch (error) {
                    if ((0,aws_errors/* httpStatus */.nG)(error) === 404)
                        return false;
                    throw (0,s3_errors/* s3Error */.lH)(error, (0,s3_objects/* s3Uri */.tT)(bucket, key), 'read');
                }
            });
            return candidates.filter((_, index) => present[index] === true).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        },
        async putFiles(name, version, files, _context) {
            if (!Number.isSafeInteger(version) || version < 1)
                throw new errors/* InputError */.dz(`${description}: version ${String(version)} is not a whole number from 1.`);
            const directory = `${base}${modelSegment(name, description)}/v${version}/`;
            return (0,map_limit/* mapLimit */.s)(files, CONCURRENCY, async (file) => {
                const key = directory + (0,s3_objects/* keySuffix */.hy)(file.path, description);
                await objects.upload(bucket, key, file);
                return { path: file.path, sha256: file.sha256, size: file.size, location: (0,s3_objects/* s3Uri */.tT)(bucket, key) };
            });
        },
        async readFile(file) {
            const { bucket: from, key } = parseLocation(file.location, description);
            return objects.read(from, key);
        },
        async downloadFile(file, destination) {
            const { bucket: from, key } = parseLocation(file.location, description);
            return objects.download(from, key, destination);
        },
    };
}
/** `s3://bucket/key` → bucket and key; anything else means the record was not written by this backend. */
function parseLocation(location, description) {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
    if (match === null) {
        throw new errors/* InputError */.dz(`${description}: the file location ${JSON.stringify(location)} is not an s3://<bucket>/<key> URI; the registry index is damaged. Restore it from its S3 object versions or a backup.`);
    }
    return { bucket: match[1], key: match[2] };
}
function modelSegment(name, description) {
    if (name === '' || name.includes('/') || name === '.' || name === '..') {
        throw new errors/* InputError */.dz(`${description}: "${name}" is not a valid model name; use letters, digits, "-", "_" and ".".`);
    }
    return name;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js
var client_sagemaker_dist_cjs = __webpack_require__(4459);
;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-client.ts
/**
 * The SageMaker client, built like every AWS client of the project (see clients.ts): the region from
 * the `region` option, `AWS_REGION`, `AWS_DEFAULT_REGION` or `us-east-1`; the SDK's default
 * credential chain; three attempts with the SDK's standard retry (throttling, 5xx and network errors
 * are retried with jittered backoff). The endpoint is the `endpoint` option when given, else whatever
 * the SDK finds in `AWS_ENDPOINT_URL_SAGEMAKER` / `AWS_ENDPOINT_URL` (tests point it at the loopback
 * server of test/fakes), else SageMaker's regional endpoint.
 *
 * `sagemakerError` turns an SDK failure into one line naming the registry, the operation and what to
 * do: an EnvironmentError when no credentials are configured at all, a ServiceError otherwise (with
 * the IAM permission to grant when SageMaker denied the call).
 */




function sagemakerClient(options = {}) {
    return new client_sagemaker_dist_cjs/* SageMakerClient */.kHU({
        region: (0,clients/* awsRegion */.Ue)(options),
        maxAttempts: 3,
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    });
}
/** SageMaker's "no such resource": a ValidationException saying so, or ResourceNotFound. */
function isMissingResource(error) {
    const code = (0,aws_errors/* errorCode */.CA)(error);
    if (code === 'ResourceNotFound')
        return true;
    return code === 'ValidationException' && /does not exist|not found|cannot find|could not find/i.test((0,aws_errors/* shapeOf */.F5)(error).message ?? '');
}
/** SageMaker's "it exists already" (CreateModelPackageGroup answers a ValidationException saying so). */
function isAlreadyExists(error) {
    const code = (0,aws_errors/* errorCode */.CA)(error);
    if (code === 'ResourceInUse' || code === 'ConflictException')
        return true;
    return code === 'ValidationException' && /already exists/i.test((0,aws_errors/* shapeOf */.F5)(error).message ?? '');
}
/** An SDK or network failure of a SageMaker call as one line the user can act on. */
function sagemakerError(error, context) {
    if ((0,errors/* isCd4mlError */.Do)(error))
        return error;
    const { registry, what, operation } = context;
    if ((0,aws_errors/* lacksCredentials */.f9)(error))
        return new errors/* EnvironmentError */.eG(`${registry}: ${what} (${operation}): ${aws_errors/* NO_CREDENTIALS */.zw}`, { cause: error });
    const code = (0,aws_errors/* errorCode */.CA)(error) ?? 'Error';
    return new errors/* ServiceError */._7(`${registry}: ${what} (${operation} failed with ${(0,aws_errors/* errorDetail */.m2)(error, code)}); ${hint(code, (0,aws_errors/* httpStatus */.nG)(error), context)}`, { cause: error });
}
function hint(code, status, context) {
    const on = context.group === undefined ? '' : ` on the model package group ${context.group}`;
    if (aws_errors/* DENIED_CODES */.DA.has(code) || status === 403) {
        return `check the AWS credentials, and that the IAM policy allows sagemaker:${context.operation}${on}`;
    }
    if (aws_errors/* THROTTLED_CODES */.QO.has(code))
        return 'SageMaker kept throttling the requests after 3 attempts; try again later, or ask AWS to raise the API rate limit';
    if (code === 'ResourceLimitExceeded')
        return 'a SageMaker quota was reached; delete unused model packages or ask AWS to raise the quota';
    if (aws_errors/* NETWORK_CODES */.Co.has(code))
        return 'check the network and the SageMaker endpoint (AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL when set)';
    if (status !== undefined && status >= 500)
        return 'SageMaker failed on its side; try again later';
    if (code === 'ValidationException')
        return 'SageMaker refused the request; check the registry URI (group name, artifacts= bucket and region)';
    return 'check the registry URI, the region and the AWS credentials';
}
/** CD4ML_SAGEMAKER_POLL_SECONDS shortens (or lengthens) the 30 s between a wait's Describe… calls. */
function pollInterval(env) {
    const value = Number(env['CD4ML_SAGEMAKER_POLL_SECONDS']);
    return env['CD4ML_SAGEMAKER_POLL_SECONDS'] === undefined || !(value > 0) ? {} : { pollSeconds: value };
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-registry-mapping.ts
/**
 * How a cd4ml registration maps onto a SageMaker model package, in one place: the names SageMaker
 * accepts, the description that carries the registration key (ListModelPackages returns the
 * description, not the metadata, so a re-run finds its package with one listing), the
 * CustomerMetadataProperties keys and their limits, the approval texts and the ModelMetrics report.
 *
 * SageMaker's limits (API reference, CreateModelPackage / CustomerMetadataMap / ClientToken):
 * - model package group names: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`, so no `_` or `.`;
 * - CustomerMetadataProperties: at most 50 entries; keys 1–128 and values 1–256 characters of
 *   letters, digits, spaces and `_ . : / = + - @`; an entry that would break them is left out;
 * - ClientToken: 1–36 characters of `[a-zA-Z0-9-]`, scoped to the account;
 * - descriptions (package, approval): at most 1024 characters.
 */

/** SageMaker's pattern for model package group names. */
const GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** The alias that is SageMaker's own approval: `production` ⇔ ModelApprovalStatus Approved. */
const PRODUCTION = 'production';
const APPROVED = 'Approved';
const REJECTED = 'Rejected';
const PENDING = 'PendingManualApproval';
/** CustomerMetadataProperties keys written by cd4ml. */
const META = {
    name: 'cd4ml.name',
    registrationKey: 'cd4ml.registration-key',
    gitSha: 'cd4ml.git-sha',
    runUrl: 'cd4ml.run-url',
    createdAt: 'cd4ml.created-at',
    gate: 'cd4ml.gate',
    /** The staged registration (written before CreateModelPackage): s3://…/<name>/<key>/registration.json. */
    staged: 'cd4ml.staged',
    /** The final record and card (written once the version is known): s3://…/<name>/versions/<V>/…. */
    record: 'cd4ml.record',
    card: 'cd4ml.card',
    metricPrefix: 'cd4ml.metric.',
    aliasPrefix: 'cd4ml.alias.',
};
const MAX_METADATA = 50;
/** Metrics copied into the metadata (the record has them all); leaves room for aliases. */
const MAX_METADATA_METRICS = 10;
const METADATA_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const MAX_DESCRIPTION = 1024;
function isGroupName(name) {
    return GROUP_NAME.test(name);
}
/** Whether a key and value fit SageMaker's CustomerMetadataProperties constraints. */
function fitsMetadata(key, value) {
    return key.length <= 128 && value.length <= 256 && METADATA_TEXT.test(key) && METADATA_TEXT.test(value);
}
function aliasKey(alias) {
    return `${META.aliasPrefix}${alias}`;
}
/** The aliases a package's metadata gives it (`cd4ml.alias.<alias>=true`), sorted. */
function metadataAliases(metadata) {
    return Object.entries(metadata)
        .filter(([key, value]) => key.startsWith(META.aliasPrefix) && value === 'true')
        .map(([key]) => key.slice(META.aliasPrefix.length))
        .sort();
}
/**
 * The ClientToken of a registration: 36 hex characters of sha256(group, key). SageMaker scopes
 * tokens to the account, not the group, and the registration key does not name the model, so the
 * group is hashed in: the same files registered as two models in one run are two packages.
 */
function clientToken(group, key) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${group}\n${key}`).digest('hex').slice(0, 36);
}
const MARKER = 'cd4ml registration ';
/** The package description: says what it is and carries the registration key, which ListModelPackages returns. */
function packageDescription(name, key, record) {
    const commit = record.lineage.gitSha === undefined ? '' : ` from commit ${record.lineage.gitSha.slice(0, 12)}`;
    return truncate(`${name}${commit}, registered by cd4ml-actions (${MARKER}${key}).`, MAX_DESCRIPTION);
}
/** The registration key in a package description, if cd4ml wrote it. */
function registrationKeyIn(description) {
    const match = /cd4ml registration ([A-Za-z0-9_-]+)/.exec(description ?? '');
    return match?.[1];
}
/**
 * The metadata of a new package: the key figures a reviewer sees in SageMaker Studio, and where the
 * staged registration is. Entries that do not fit SageMaker's limits are left out (the record has
 * everything); at most MAX_METADATA_METRICS metrics, in name order.
 */
function packageMetadata(record, stagedUri) {
    const entries = [
        [META.name, record.name],
        [META.registrationKey, record.registrationKey],
        [META.gitSha, record.lineage.gitSha],
        [META.runUrl, record.lineage.runUrl],
        [META.createdAt, record.createdAt],
        [META.gate, record.gate === undefined ? undefined : record.gate.passed ? 'passed' : 'failed'],
        [META.staged, stagedUri],
    ];
    const metadata = {};
    for (const [key, value] of entries)
        if (value !== undefined && fitsMetadata(key, value))
            metadata[key] = value;
    let metrics = 0;
    for (const name of Object.keys(record.metrics).sort()) {
        if (metrics >= MAX_METADATA_METRICS)
            break;
        const key = `${META.metricPrefix}${name}`;
        const value = String(record.metrics[name]);
        if (!fitsMetadata(key, value))
            continue;
        metadata[key] = value;
        metrics += 1;
    }
    return metadata;
}
/**
 * The ModelMetrics statistics report (ModelQuality.Statistics, application/json), in the shape
 * SageMaker's model quality reports use (`<group>: {<metric>: {value}}`), plus the gate's verdict.
 */
function metricsReport(metrics, gate) {
    const values = Object.fromEntries(Object.keys(metrics)
        .sort()
        .map((name) => [name, { value: metrics[name] }]));
    return `${JSON.stringify({ version: 0, cd4ml_metrics: values, ...(gate === undefined ? {} : { cd4ml_gate: gate }) }, null, 2)}\n`;
}
/** An approval description (≤ 1024 characters) saying who moved production where, and why. */
function approvalText(action, alias, version, actor, reason) {
    const by = actor.actor === undefined ? '' : ` by ${actor.actor}`;
    const run = actor.runUrl === undefined ? '' : ` in ${actor.runUrl}`;
    const text = action === 'approve'
        ? `cd4ml: ${alias} moved to version ${version}${by}${run} (${reason}).`
        : `cd4ml: rejected because ${alias} moved to the lower version ${version}${by}${run} (${reason}); the highest Approved version is ${alias}.`;
    return truncate(text, MAX_DESCRIPTION);
}
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Key segments joined with `/`, empty ones (an empty prefix) left out. */
function joinKey(...parts) {
    return parts.filter((part) => part !== '').join('/');
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-groups.ts
/**
 * The SageMaker side of the sagemaker:// registry: a model is a model package group (the URI's
 * group, or the model's name with plain `sagemaker://`; one group holds one model, so a name other
 * than the group's is refused) and a version is one of its packages. `ModelGroups` makes the
 * SageMaker calls (each failure one line naming the operation, from sagemaker-client.ts), lists a
 * group's packages and the registry's groups, and words the refusals that name what there is.
 *
 * Complexity: listing a group's packages is one ListModelPackages per 100 versions; the models one
 * ListModelPackageGroups per 100 groups (one DescribeModelPackageGroup with a group in the URI).
 */





class ModelGroups {
    location;
    registry;
    client;
    constructor(location, 
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    registry, client) {
        this.location = location;
        this.registry = registry;
        this.client = client;
    }
    // ---- names and messages
    /** The model package group of a model; `register` and reads word the one-model-per-group refusal differently. */
    groupFor(name, use) {
        const group = this.location.group ?? name;
        if (group !== name) {
            if (use === 'register') {
                throw new errors/* InputError */.dz(`${this.registry} holds one model, ${group} (a SageMaker model package group holds the versions of one model), so ${name} cannot be registered in it; use sagemaker://${name}, or plain sagemaker:// to keep each model in the group of its name.`);
            }
            throw new NotInRegistryError(`${this.registry} has no model named ${name}; it has ${group} (a SageMaker model package group holds one model; sagemaker://${name} names the group of ${name}).`);
        }
        if (!isGroupName(group)) {
            throw new errors/* InputError */.dz(`${this.registry}: "${group}" cannot be a SageMaker model package group name: SageMaker allows letters, digits and hyphens (no "_" or "."), starting with a letter or digit, at most 63 characters. Rename the model (e.g. ${group.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'churn-model'}).`);
        }
        return group;
    }
    /** The URI's `artifacts=`, which `action` cannot do without. */
    requireArtifacts(action) {
        const artifacts = this.location.artifacts;
        if (artifacts === undefined) {
            const group = this.location.group ?? '<group>';
            throw new errors/* InputError */.dz(`${this.registry}: ${action} needs artifacts=s3://<bucket>/<prefix> in the registry URI, the S3 place for the model files, records, cards and alias audit trail; e.g. sagemaker://${group}?artifacts=s3://my-bucket/models.`);
        }
        return { bucket: artifacts.bucket, prefix: artifacts.prefix.replace(/^\/+|\/+$/g, '') };
    }
    /** The models: the URI's group when it names one (and it exists), else every model package group. */
    async models() {
        const what = 'cannot list the models';
        if (this.location.group !== undefined)
            return (await this.groupExists(this.location.group, what)) ? [this.location.group] : [];
        const names = [];
        let token;
        do {
            const page = await this.call('ListModelPackageGroups', what, undefined, (client) => client.send(new client_sagemaker_dist_cjs/* ListModelPackageGroupsCommand */.hr_({ SortBy: 'Name', SortOrder: 'Ascending', MaxResults: 100, ...(token === undefined ? {} : { NextToken: token }) })));
            for (const summary of page.ModelPackageGroupSummaryList ?? [])
                if (summary.ModelPackageGroupName !== undefined)
                    names.push(summary.ModelPackageGroupName);
            token = page.NextToken === '' ? undefined : page.NextToken;
        } while (token !== undefined);
        return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    async unknownModel(name) {
        const models = await this.models();
        const known = models.length === 0 ? 'it has no models yet; register one with register-model' : `it has ${models.join(', ')}`;
        return new NotInRegistryError(`${this.registry} has no model named ${name}; ${known}.`);
    }
    // ---- SageMaker
    async call(operation, what, group, send) {
        try {
            return await send(this.client());
        }
        catch (error) {
            throw sagemakerError(error, { registry: this.registry, what, operation, ...(group === undefined ? {} : { group }) });
        }
    }
    describe(arn, group, what) {
        return this.call('DescribeModelPackage', what, group, (client) => client.send(new client_sagemaker_dist_cjs/* DescribeModelPackageCommand */.Uxr({ ModelPackageName: arn })));
    }
    /** A package's CustomerMetadataProperties. */
    async metadata(summary, group, what) {
        return (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {};
    }
    async update(input, group, what) {
        await this.call('UpdateModelPackage', what, group, (client) => client.send(new client_sagemaker_dist_cjs/* UpdateModelPackageCommand */.CCy(input)));
    }
    /** Every package of the group, by version. */
    async summaries(group, what) {
        const result = [];
        let token;
        do {
            const page = await this.call('ListModelPackages', what, group, (client) => client.send(new client_sagemaker_dist_cjs/* ListModelPackagesCommand */.MTG({
                ModelPackageGroupName: group,
                ModelPackageType: 'Versioned',
                SortBy: 'CreationTime',
                SortOrder: 'Ascending',
                MaxResults: 100,
                ...(token === undefined ? {} : { NextToken: token }),
            })));
            for (const summary of page.ModelPackageSummaryList ?? []) {
                if (summary.ModelPackageArn === undefined || summary.ModelPackageVersion === undefined)
                    continue;
                result.push({
                    arn: summary.ModelPackageArn,
                    version: summary.ModelPackageVersion,
                    ...(summary.ModelPackageDescription === undefined ? {} : { description: summary.ModelPackageDescription }),
                    approval: summary.ModelApprovalStatus ?? PENDING,
                    created: summary.CreationTime ?? new Date(0),
                });
            }
            token = page.NextToken === '' ? undefined : page.NextToken;
        } while (token !== undefined);
        return result.sort((a, b) => a.version - b.version);
    }
    /** The packages of a model that must exist: an InputError naming the models there are when its group does not. */
    async versionsOf(name, group, what) {
        const summaries = await this.summaries(group, what);
        if (summaries.length === 0 && !(await this.groupExists(group, what)))
            throw await this.unknownModel(name);
        return summaries;
    }
    async groupExists(group, what) {
        try {
            await this.client().send(new client_sagemaker_dist_cjs/* DescribeModelPackageGroupCommand */.ruq({ ModelPackageGroupName: group }));
            return true;
        }
        catch (error) {
            if (isMissingResource(error))
                return false;
            throw sagemakerError(error, { registry: this.registry, what, operation: 'DescribeModelPackageGroup', group });
        }
    }
    async ensureGroup(name, group, what) {
        if (await this.groupExists(group, what))
            return;
        try {
            await this.client().send(new client_sagemaker_dist_cjs/* CreateModelPackageGroupCommand */.EWw({ ModelPackageGroupName: group, ModelPackageGroupDescription: `Versions of the model ${name}, registered by cd4ml-actions.` }));
        }
        catch (error) {
            // Another registration created it meanwhile.
            if (isAlreadyExists(error))
                return;
            throw sagemakerError(error, { registry: this.registry, what, operation: 'CreateModelPackageGroup', group });
        }
    }
}
/** The highest version whose ModelApprovalStatus is Approved: where `production` points. */
function highestApproved(summaries) {
    const approved = summaries.filter((entry) => entry.approval === APPROVED).map((entry) => entry.version);
    return approved.length === 0 ? undefined : Math.max(...approved);
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-aliases.ts
/**
 * The aliases of a sagemaker:// registry. `production` is SageMaker's own approval: it resolves to
 * the highest version whose ModelApprovalStatus is Approved (what SageMaker deployments and Studio
 * treat as approved). Moving production to version V approves V, then rejects every higher Approved
 * version, with an ApprovalDescription saying to which version, by whom, from which run and why;
 * lower Approved versions stay Approved. Other aliases are CustomerMetadataProperties
 * `cd4ml.alias.<alias>=true`: a move adds the key to the new holder, records the event, then removes
 * it from the old holder. If a move is interrupted between those steps, the alias is on two versions;
 * it resolves to the one the latest audit event names (the old one until the event is written), and
 * the next move of the alias clears the other. Every move is one JSON object (an `AliasEvent`) under
 * `<prefix>/<name>/audit/` in the artifacts, which history() lists in time order; for production the
 * event is written after the approvals changed.
 *
 * Complexity (n versions): resolving or moving an alias other than production describes every
 * version (8 at a time); reading the audit trail reads one object per alias move.
 */








/** SageMaker describes and S3 reads at once. */
const sagemaker_aliases_CONCURRENCY = 8;
class Aliases {
    groups;
    artifacts;
    registry;
    random;
    constructor(groups, artifacts, 
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    registry, 
    /** The random part of audit object names. */
    random = () => (0,external_node_crypto_.randomBytes)(4).toString('hex')) {
        this.groups = groups;
        this.artifacts = artifacts;
        this.registry = registry;
        this.random = random;
    }
    /**
     * Moves `alias` to `version`; returns the version it pointed at before. `always` records the event
     * even when the alias already pointed there (a re-run finishing an interrupted registration).
     */
    async move(name, group, alias, version, actor, reason, now, always) {
        const what = `cannot move the alias ${alias} of ${name} to version ${version}`;
        const summaries = await this.groups.versionsOf(name, group, what);
        const target = summaries.find((entry) => entry.version === version);
        if (target === undefined)
            throw await this.unknown(name, group, summaries, { version }, what);
        if (alias === PRODUCTION) {
            const approved = summaries.filter((entry) => entry.approval === APPROVED);
            const previous = highestApproved(summaries);
            if (previous === version && !always)
                return { previous };
            if (target.approval !== APPROVED) {
                await this.groups.update({ ModelPackageArn: target.arn, ModelApprovalStatus: APPROVED, ApprovalDescription: approvalText('approve', alias, version, actor, reason) }, group, what);
            }
            for (const higher of approved.filter((entry) => entry.version > version)) {
                await this.groups.update({ ModelPackageArn: higher.arn, ModelApprovalStatus: REJECTED, ApprovalDescription: approvalText('reject', alias, version, actor, reason) }, group, what);
            }
            const moved = previous === version ? undefined : previous;
            await this.writeEvent(name, aliasEvent(alias, version, moved, actor, reason, now), now);
            return moved === undefined ? {} : { previous: moved };
        }
        const key = aliasKey(alias);
        const described = await (0,map_limit/* mapLimit */.s)(summaries, sagemaker_aliases_CONCURRENCY, async (summary) => ({ summary, metadata: await this.groups.metadata(summary, group, what) }));
        const holding = described.filter(({ metadata }) => metadata[key] === 'true');
        const previous = await this.current(name, alias, holding.map(({ summary }) => summary.version));
        const others = holding.filter(({ summary }) => summary.version !== version);
        if (previous === version && others.length === 0 && !always)
            return { previous };
        const targetMetadata = described.find(({ summary }) => summary.version === version)?.metadata ?? {};
        if (targetMetadata[key] !== 'true') {
            if (Object.keys(targetMetadata).length >= MAX_METADATA) {
                throw new errors/* InputError */.dz(`${this.registry}: ${name} v${version} already has ${MAX_METADATA} metadata properties, SageMaker's limit, so the alias ${alias} cannot be added to it; move some of its other aliases away first.`);
            }
            await this.groups.update({ ModelPackageArn: target.arn, CustomerMetadataProperties: { [key]: 'true' } }, group, what);
        }
        const moved = previous === version ? undefined : previous;
        await this.writeEvent(name, aliasEvent(alias, version, moved, actor, reason, now), now);
        for (const { summary } of others)
            await this.groups.update({ ModelPackageArn: summary.arn, CustomerMetadataPropertiesToRemove: [key] }, group, what);
        return moved === undefined ? {} : { previous: moved };
    }
    /** The version `alias` points at, or undefined. */
    async holderOf(name, group, summaries, alias, what) {
        if (alias === PRODUCTION)
            return highestApproved(summaries);
        const key = aliasKey(alias);
        const holding = await (0,map_limit/* mapLimit */.s)(summaries, sagemaker_aliases_CONCURRENCY, async (summary) => ((await this.groups.metadata(summary, group, what))[key] === 'true' ? summary.version : undefined));
        return this.current(name, alias, holding.filter((version) => version !== undefined));
    }
    /** Every alias's current version, from every version's metadata. */
    async holders(name, versions) {
        const byAlias = new Map();
        for (const { version, metadata } of versions) {
            for (const alias of metadataAliases(metadata))
                if (alias !== PRODUCTION)
                    byAlias.set(alias, [...(byAlias.get(alias) ?? []), version]);
        }
        const result = new Map();
        for (const [alias, holding] of byAlias) {
            const version = await this.current(name, alias, holding);
            if (version !== undefined)
                result.set(alias, version);
        }
        return result;
    }
    /** The aliases of one version as they are now. */
    async aliasesNow(group, version, what) {
        const summaries = await this.groups.summaries(group, what);
        const summary = summaries.find((entry) => entry.version === version);
        if (summary === undefined)
            return [];
        return sagemaker_aliases_aliasesOf(version, summaries, await this.groups.metadata(summary, group, what));
    }
    /** Whether the audit trail records the registration's move of `alias` to `version`. */
    async registeredAlias(name, alias, version) {
        return (await this.events(name)).some((event) => event.alias === alias && event.version === version && event.reason === 'register');
    }
    /** The audit trail, oldest first (object names start with the time, then a sequence number). */
    async events(name) {
        const artifacts = this.groups.requireArtifacts(`reading the alias history of ${name}`);
        const keys = await this.artifacts.list(artifacts.bucket, `${joinKey(artifacts.prefix, name, 'audit')}/`);
        const texts = await (0,map_limit/* mapLimit */.s)(keys, sagemaker_aliases_CONCURRENCY, (key) => this.artifacts.getText(this.artifacts.uri(artifacts.bucket, key)));
        const events = [];
        for (const [index, text] of texts.entries()) {
            if (text === undefined)
                continue;
            const uri = this.artifacts.uri(artifacts.bucket, keys[index]);
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (error) {
                throw new errors/* ServiceError */._7(`${this.registry}: the audit event ${uri} is not JSON (${error.message}); restore it from the bucket's object versions.`);
            }
            if (typeof value.alias !== 'string' || typeof value.version !== 'number' || typeof value.at !== 'string' || typeof value.reason !== 'string') {
                throw new errors/* ServiceError */._7(`${this.registry}: ${uri} is not an alias event; restore it from the bucket's object versions.`);
            }
            events.push(value);
        }
        return events;
    }
    /** The refusal of a version or alias the model does not have, naming the versions and aliases it has. */
    async unknown(name, group, summaries, selector, what) {
        const versions = summaries.map((entry) => entry.version);
        const have = versions.length === 0 ? 'no versions yet' : versions.length <= 10 ? `versions ${versions.join(', ')}` : `versions ${versions[0]} to ${versions.at(-1)} (${versions.length})`;
        const loaded = await (0,map_limit/* mapLimit */.s)(summaries, sagemaker_aliases_CONCURRENCY, async (summary) => ({ version: summary.version, metadata: await this.groups.metadata(summary, group, what) }));
        const aliases = [...(await this.holders(name, loaded))];
        const approved = highestApproved(summaries);
        if (approved !== undefined)
            aliases.push([PRODUCTION, approved]);
        const listed = aliases.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([alias, version]) => `${alias} → ${version}`);
        return new NotInRegistryError(`${this.registry}: ${name} has no ${describeSelector(selector)}; it has ${have}${listed.length === 0 ? ' and no aliases' : `; aliases ${listed.join(', ')}`}.`);
    }
    /** Of the versions holding an alias, the current one: the only one, else the one the latest audit event names, else the highest. */
    async current(name, alias, holding) {
        if (holding.length <= 1)
            return holding[0];
        if (this.groups.location.artifacts !== undefined) {
            const latest = (await this.events(name)).filter((event) => event.alias === alias).at(-1);
            if (latest !== undefined && holding.includes(latest.version))
                return latest.version;
        }
        return Math.max(...holding);
    }
    async writeEvent(name, event, now) {
        const artifacts = this.groups.requireArtifacts(`moving the alias ${event.alias} of ${name}`);
        const folder = joinKey(artifacts.prefix, name, 'audit');
        const sequence = (await this.artifacts.list(artifacts.bucket, `${folder}/`)).length + 1;
        const stamp = now.toISOString().replace(/[-:]/g, '');
        await this.artifacts.putText(artifacts.bucket, `${folder}/${stamp}-${String(sequence).padStart(8, '0')}-${this.random()}.json`, `${JSON.stringify(event, null, 2)}\n`);
    }
}
/** A version's aliases: production when it is the highest Approved version, and its metadata aliases. */
function sagemaker_aliases_aliasesOf(version, summaries, metadata) {
    const aliases = metadataAliases(metadata).filter((alias) => alias !== PRODUCTION);
    if (highestApproved(summaries) === version)
        aliases.push(PRODUCTION);
    return aliases.sort();
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-records.ts
/**
 * The records of a sagemaker:// registry, read from the artifacts in S3. A complete version's package
 * points at its record and card (`cd4ml.record`, `cd4ml.card`, under `<name>/versions/<version>/`);
 * a version whose registration was interrupted after CreateModelPackage has only its staged
 * registration (`cd4ml.staged`, under `<name>/<registration key>/registration.json`): the record
 * without its version, which SageMaker's version completes, read without writing anything.
 *
 * Complexity: one S3 read per record (two for a complete version's record and card).
 */





const STAGED_FORMAT = 'cd4ml-sagemaker-registration';
function stagedText(staged) {
    const { aliases: _aliases, ...record } = staged.record;
    return `${JSON.stringify({ ...staged, record }, null, 2)}\n`;
}
class RecordReader {
    artifacts;
    registry;
    constructor(artifacts, 
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    registry) {
        this.artifacts = artifacts;
        this.registry = registry;
    }
    /** The record and card of a complete version; undefined when the version is not complete. */
    async stored(metadata) {
        const recordUri = metadata[META.record];
        const cardUri = metadata[META.card];
        if (recordUri === undefined || cardUri === undefined)
            return undefined;
        const [recordText, card] = await Promise.all([this.artifacts.getText(recordUri), this.artifacts.getText(cardUri)]);
        if (recordText === undefined || card === undefined)
            return undefined;
        return { record: parseRecord(recordText, recordUri), card };
    }
    /** The record of a version: the stored one, else (an interrupted registration) the staged one with its number. */
    async recordOf(name, summary, metadata) {
        const recordUri = metadata[META.record];
        if (recordUri !== undefined) {
            const text = await this.artifacts.getText(recordUri);
            if (text !== undefined)
                return parseRecord(text, recordUri);
        }
        const staged = await this.staged(name, summary, metadata);
        return { ...staged.record, version: summary.version, uri: formatReference(name, summary.version), aliases: [] };
    }
    async staged(name, summary, metadata) {
        const uri = metadata[META.staged];
        if (metadata[META.registrationKey] === undefined || uri === undefined) {
            throw new errors/* InputError */.dz(`${this.registry}: ${name} v${summary.version} (${summary.arn}) was not registered by cd4ml-actions (it has no ${META.registrationKey} metadata), so it has no model record; register the model with register-model, or resolve a version it registered.`);
        }
        const text = await this.artifacts.getText(uri);
        if (text === undefined) {
            throw new errors/* ServiceError */._7(`${this.registry}: ${name} v${summary.version} has neither its record nor its staged registration ${uri} in S3; the artifacts were deleted or moved. Restore them from the bucket's object versions or a backup.`);
        }
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            throw new errors/* ServiceError */._7(`${this.registry}: the staged registration ${uri} is not JSON (${error.message}); restore it from the bucket's object versions.`);
        }
        if (value.format !== STAGED_FORMAT || typeof value.record !== 'object' || value.record === null || value.record.format !== RECORD_FORMAT) {
            throw new errors/* ServiceError */._7(`${this.registry}: ${uri} is not a staged cd4ml registration; restore it from the bucket's object versions.`);
        }
        return value;
    }
    /** The data profile a staged record names, for the card of an interrupted registration. */
    async stagedProfile(record) {
        const file = record.files.find((candidate) => candidate.path === PROFILE_FILE);
        if (file === undefined)
            return undefined;
        const text = await this.artifacts.getText(file.location);
        return text === undefined ? undefined : JSON.parse(text);
    }
}
function parseRecord(text, uri) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ServiceError */._7(`${uri} is not JSON (${error.message}); restore it from the bucket's object versions.`);
    }
    if (value.format !== RECORD_FORMAT)
        throw new errors/* ServiceError */._7(`${uri} is not a model record; restore it from the bucket's object versions.`);
    return { ...value, aliases: [] };
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-registry-artifacts.ts
/**
 * The S3 side of the sagemaker:// registry: the model files, profile, metrics report, records, cards
 * and audit events live in the `artifacts=s3://bucket/prefix` of the registry URI, written and read
 * through s3-objects.ts with the S3 client of clients.ts: files stream from disk with their SHA-256
 * (multipart above 256 MiB, transient failures retried), so S3 refuses a body that does not match it.
 * Errors name the artifacts= URI where the s3:// registry's would name the registry URI.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket on the artifacts bucket and prefix
 * (s3:AbortMultipartUpload too for files over 256 MiB).
 */




class ArtifactStore {
    registry;
    objects;
    constructor(client, registry) {
        this.registry = registry;
        this.objects = new s3_objects/* S3Objects */.NY(client, { hint: artifactsHint });
    }
    uri(bucket, key) {
        return (0,s3_objects/* s3Uri */.tT)(bucket, key);
    }
    /** Uploads a local file (streamed) and describes it as stored under `path`. */
    async putFile(bucket, key, path, file) {
        (0,s3_objects/* keySuffix */.hy)(path, this.registry);
        await this.objects.upload(bucket, key, file);
        return { path, sha256: file.sha256, size: file.size, location: (0,s3_objects/* s3Uri */.tT)(bucket, key) };
    }
    /** Writes a small text object (a record, card, report or audit event). */
    async putText(bucket, key, text) {
        const body = Buffer.from(text, 'utf8');
        await this.objects.put(bucket, key, body);
        return { sha256: (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex'), size: body.length, location: (0,s3_objects/* s3Uri */.tT)(bucket, key) };
    }
    /** The text of an object; undefined when there is no such object. */
    async getText(uri) {
        const { bucket, key } = this.parse(uri);
        const object = await this.objects.readIfPresent(bucket, key);
        return object === undefined ? undefined : Buffer.from(object.bytes).toString('utf-8');
    }
    /** The keys under a prefix, sorted. */
    async list(bucket, prefix) {
        return this.objects.keys(bucket, prefix);
    }
    /** The bytes of a stored file (unchecked: the caller checks the sha256). */
    async readFile(file) {
        const { bucket, key } = this.parse(file.location);
        return this.objects.read(bucket, key);
    }
    /** Streams a stored file to `destination` (unchecked: the caller checks the sha256). */
    async downloadFile(file, destination) {
        const { bucket, key } = this.parse(file.location);
        return this.objects.download(bucket, key, destination);
    }
    parse(uri) {
        const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
        if (match === null) {
            throw new errors/* ServiceError */._7(`${this.registry}: the location ${JSON.stringify(uri)} is not an s3://<bucket>/<key> URI; the model package's metadata was edited by hand.`);
        }
        return { bucket: match[1], key: match[2] };
    }
}
/** The advice of a failed write names the artifacts= part of the registry URI; reads and listings get s3Hint's. */
function artifactsHint(code, status, action) {
    if (action !== 'write')
        return (0,s3_errors/* s3Hint */.UK)(code, status, action);
    if (code === 'NoSuchBucket')
        return 'check the bucket of artifacts= in the registry URI';
    if ((0,s3_errors/* isDenied */.GZ)(code, status))
        return 'check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject on the artifacts bucket and prefix';
    return (0,s3_errors/* transientHint */.AX)(code, status) ?? 'check the artifacts= URI of the registry and the AWS credentials';
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-registration.ts
/**
 * Registering a version in a sagemaker:// registry. The version is only known once
 * CreateModelPackage answers, but the record holds it, so a registration takes these steps, each
 * safe to repeat:
 * 1. DescribeModelPackageGroup, and CreateModelPackageGroup when SageMaker says it does not exist;
 * 2. ListModelPackages: a package whose description carries this registration key (run id + content
 *    hash) is this registration made before, and is returned (see "Interruptions");
 * 3. upload the model files, profile and metrics report, then the staged registration, under the key;
 * 4. CreateModelPackage (PendingManualApproval) with a ClientToken made of the group and the key, so
 *    a retried request returns the same package; the description carries the key and
 *    CustomerMetadataProperties the key figures (name, key, commit, run, time, gate, up to 10 metrics)
 *    and `cd4ml.staged`, the staged registration's URI; ModelMetrics.ModelQuality.Statistics points at
 *    the metrics report; with `image=` in the URI an InferenceSpecification names the image and the
 *    model files (ModelDataUrl for a single .tar.gz, else the uncompressed `model/` prefix as
 *    ModelDataSource), without it the package has none (SageMaker's InferenceSpecification is
 *    optional for versioned packages, and SourceUri is meant for a model's or package's ARN, so none
 *    is set: the files are found through the metadata);
 * 5. write record.json and model-card.md under `versions/<version>/`, then UpdateModelPackage adds
 *    `cd4ml.record` and `cd4ml.card`, which mark the version complete;
 * 6. move the requested alias, if any.
 *
 * Interruptions. A run stopped before step 4 leaves only S3 objects nobody points at; the re-run
 * uploads them again and goes on. A run stopped after step 4 leaves a package without `cd4ml.record`:
 * it still resolves (its record is the staged registration with SageMaker's version filled in, read
 * without writing anything), and the re-run, finding it in step 2, writes its record and card, moves
 * its alias and reports it as created. A complete package is returned as it is (created: false); if
 * its alias move was interrupted (no `register` event for it in the audit trail), the re-run makes it.
 *
 * Complexity (n versions): the group is listed (n/100 requests), plus a constant number of calls and
 * one upload per file, and n DescribeModelPackage calls when the alias to move is not production.
 */










/** Model files uploaded at once. */
const UPLOADS = 4;
class Registrar {
    parts;
    constructor(parts) {
        this.parts = parts;
    }
    async register(request) {
        const { groups, artifacts: store, aliases } = this.parts;
        const name = checkModelName(request.name, 'name');
        if (request.alias !== undefined)
            checkAlias(request.alias, 'alias');
        if (request.files.length === 0)
            throw new errors/* InputError */.dz(`Registering ${name}: no model files were given; name the model file, directory or glob.`);
        const group = groups.groupFor(name, 'register');
        const artifacts = groups.requireArtifacts(`registering ${name}`);
        const what = `cannot register ${name}`;
        const key = registrationKey(request);
        await groups.ensureGroup(name, group, what);
        const before = await groups.summaries(group, what);
        const earlier = before.find((summary) => registrationKeyIn(summary.description) === key);
        if (earlier !== undefined)
            return this.resume(request, name, group, earlier, what);
        // 3. Stage everything under the registration key.
        const staged = joinKey(artifacts.prefix, name, key);
        const files = await (0,map_limit/* mapLimit */.s)(request.files, UPLOADS, (file) => store.putFile(artifacts.bucket, `${staged}/model/${file.path}`, `model/${file.path}`, file));
        let profileSha256;
        if (request.profile !== undefined) {
            const profile = await store.putText(artifacts.bucket, `${staged}/${PROFILE_FILE}`, request.profile.text);
            files.push({ path: PROFILE_FILE, ...profile });
            profileSha256 = profile.sha256;
        }
        // The version the moved alias pointed at, else the latest one (as the indexed registries do).
        const parent = (request.alias === undefined ? undefined : await aliases.holderOf(name, group, before, request.alias, what)) ?? before.at(-1)?.version;
        const draft = buildRecord(request, {
            version: 0,
            registrationKey: key,
            files,
            ...(profileSha256 === undefined ? {} : { profileSha256 }),
            ...(parent === undefined ? {} : { parentVersion: parent }),
        });
        const report = await store.putText(artifacts.bucket, `${staged}/metrics.json`, metricsReport(draft.metrics, draft.gate));
        const stagedDocument = {
            format: STAGED_FORMAT,
            formatVersion: 1,
            record: draft,
            ...(request.cardTemplate === undefined ? {} : { cardTemplate: request.cardTemplate }),
        };
        const registration = await store.putText(artifacts.bucket, `${staged}/registration.json`, stagedText(stagedDocument));
        // 4. The package.
        const image = groups.location.image;
        const input = {
            ModelPackageGroupName: group,
            ModelPackageDescription: packageDescription(name, key, draft),
            ModelApprovalStatus: PENDING,
            ClientToken: clientToken(group, key),
            CustomerMetadataProperties: packageMetadata(draft, registration.location),
            ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: report.location } } },
            ...(image === undefined ? {} : { InferenceSpecification: inferenceSpecification(image, files, artifacts.bucket, staged) }),
        };
        const created = await groups.call('CreateModelPackage', what, group, (client) => client.send(new client_sagemaker_dist_cjs/* CreateModelPackageCommand */.N$s(input)));
        const arn = created.ModelPackageArn;
        if (arn === undefined)
            throw new errors/* ServiceError */._7(`${this.parts.registry}: ${what} (CreateModelPackage answered no ModelPackageArn); check the SageMaker endpoint.`);
        const described = await groups.describe(arn, group, what);
        const version = described.ModelPackageVersion;
        if (version === undefined)
            throw new errors/* ServiceError */._7(`${this.parts.registry}: ${what} (${arn} has no ModelPackageVersion); check the SageMaker endpoint.`);
        if (described.ModelPackageGroupName !== group || described.CustomerMetadataProperties?.[META.registrationKey] !== key) {
            throw new errors/* ServiceError */._7(`${this.parts.registry}: ${what}: CreateModelPackage answered with ${arn}, which is not this registration's package (its ClientToken was used before for another request); run again.`);
        }
        const summary = { arn, version, approval: described.ModelApprovalStatus ?? PENDING, created: described.CreationTime ?? new Date(0) };
        // The ClientToken gave back a package made before (by a concurrent run with the same key).
        if (before.some((entry) => entry.arn === arn))
            return this.resume(request, name, group, summary, what);
        // 5. The record and card, now that the version is known.
        const { record, card } = await this.complete(name, group, arn, draft, version, request.cardTemplate, request.profile?.document, what);
        // 6. The alias.
        let previousVersion;
        if (request.alias !== undefined) {
            previousVersion = (await aliases.move(name, group, request.alias, version, actorOf(request), 'register', request.now, false)).previous;
        }
        record.aliases = request.alias === undefined ? [] : [request.alias];
        return { record, card, created: true, ...(previousVersion === undefined ? {} : { previousVersion }) };
    }
    /** A registration made before: returned as it is when complete, finished when it was interrupted. */
    async resume(request, name, group, summary, what) {
        const { groups, aliases, records, logger } = this.parts;
        const metadata = await groups.metadata(summary, group, what);
        const key = registrationKey(request);
        if (metadata[META.registrationKey] !== key) {
            throw new errors/* ServiceError */._7(`${this.parts.registry}: ${what}: ${summary.arn}'s description names this registration (${key}) but its ${META.registrationKey} metadata does not; the package was edited by hand. Fix its metadata, or register from another run.`);
        }
        const stored = await records.stored(metadata);
        if (stored !== undefined) {
            logger?.info(`${name} v${summary.version} was already registered by this run with the same content; nothing new was made.`);
            let previousVersion;
            if (request.alias !== undefined && !(await aliases.registeredAlias(name, request.alias, summary.version))) {
                // The first run stopped between its record and its alias move: make the move now.
                previousVersion = (await aliases.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
            }
            const current = await aliases.aliasesNow(group, summary.version, what);
            return { record: { ...stored.record, aliases: current }, card: stored.card, created: false, ...(previousVersion === undefined ? {} : { previousVersion }) };
        }
        logger?.info(`${name} v${summary.version} was created by an earlier attempt of this registration that stopped before its record was written; finishing it.`);
        const staged = await records.staged(name, summary, metadata);
        const profile = await records.stagedProfile(staged.record);
        const { record, card } = await this.complete(name, group, summary.arn, staged.record, summary.version, staged.cardTemplate, profile, what);
        let previousVersion;
        if (request.alias !== undefined) {
            previousVersion = (await aliases.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
        }
        record.aliases = await aliases.aliasesNow(group, summary.version, what);
        return { record, card, created: true, ...(previousVersion === undefined || previousVersion === summary.version ? {} : { previousVersion }) };
    }
    /** Step 5: the record and card of `version` under `versions/<version>/`, then the metadata pointing at them. */
    async complete(name, group, arn, draft, version, cardTemplate, profile, what) {
        const { groups, artifacts: store } = this.parts;
        const artifacts = groups.requireArtifacts(`registering ${name}`);
        const record = { ...draft, version, uri: formatReference(name, version), aliases: [] };
        const card = renderModelCard(record, {
            registry: this.parts.registry,
            ...(profile === undefined ? {} : { profile }),
            ...(cardTemplate === undefined ? {} : { template: { text: cardTemplate, origin: 'model-card-template' } }),
        });
        const folder = joinKey(artifacts.prefix, name, 'versions', String(version));
        const recordObject = await store.putText(artifacts.bucket, `${folder}/${RECORD_FILE}`, storedRecordText(record));
        const cardObject = await store.putText(artifacts.bucket, `${folder}/${CARD_FILE}`, card);
        await groups.update({ ModelPackageArn: arn, CustomerMetadataProperties: { [META.record]: recordObject.location, [META.card]: cardObject.location } }, group, what);
        return { record, card };
    }
}
function inferenceSpecification(image, files, bucket, staged) {
    const model = files.filter((file) => file.path.startsWith('model/'));
    const single = model.length === 1 && model[0] !== undefined && model[0].path.endsWith('.tar.gz') ? model[0] : undefined;
    const container = single !== undefined
        ? { Image: image, ModelDataUrl: single.location }
        : { Image: image, ModelDataSource: { S3DataSource: { S3Uri: `s3://${bucket}/${staged}/model/`, S3DataType: 'S3Prefix', CompressionType: 'None' } } };
    return { Containers: [container], SupportedContentTypes: ['application/json'], SupportedResponseMIMETypes: ['application/json'] };
}

;// CONCATENATED MODULE: ./src/platform/aws/sagemaker-registry.ts












function createSageMakerRegistry(location, options = {}) {
    return new SageMakerRegistry(location, options);
}
class SageMakerRegistry {
    description;
    groups;
    artifacts;
    aliases;
    records;
    registrar;
    constructor(location, options = {}) {
        this.description = describeLocation(location);
        const region = location.region ?? options.region;
        let sagemaker = options.sagemaker;
        let s3 = options.s3;
        this.groups = new ModelGroups(location, this.description, () => (sagemaker ??= sagemakerClient({ ...(region === undefined ? {} : { region }), ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) })));
        this.artifacts = new ArtifactStore(() => (s3 ??= (0,clients/* s3Client */.oD)(region === undefined ? {} : { region })), this.description);
        this.aliases = new Aliases(this.groups, this.artifacts, this.description, options.random);
        this.records = new RecordReader(this.artifacts, this.description);
        this.registrar = new Registrar({
            groups: this.groups,
            artifacts: this.artifacts,
            aliases: this.aliases,
            records: this.records,
            registry: this.description,
            ...(options.logger === undefined ? {} : { logger: options.logger }),
        });
    }
    async register(request) {
        return this.registrar.register(request);
    }
    async setAlias(name, alias, version, actor, reason, now) {
        checkModelName(name, 'name');
        checkAlias(alias, 'alias');
        const group = this.groups.groupFor(name, 'read');
        this.groups.requireArtifacts(`moving the alias ${alias} of ${name}`);
        const { previous } = await this.aliases.move(name, group, alias, version, actor, reason, now, false);
        return previous === undefined ? {} : { previous };
    }
    async resolve(name, selector) {
        checkModelName(name, 'name');
        const group = this.groups.groupFor(name, 'read');
        const what = `cannot resolve ${name}@${'version' in selector ? selector.version : selector.alias}`;
        const summaries = await this.groups.versionsOf(name, group, what);
        let version;
        if ('version' in selector)
            version = selector.version;
        else
            version = await this.aliases.holderOf(name, group, summaries, checkAlias(selector.alias, 'alias'), what);
        const summary = summaries.find((entry) => entry.version === version);
        if (summary === undefined)
            throw await this.aliases.unknown(name, group, summaries, selector, what);
        const metadata = await this.groups.metadata(summary, group, what);
        const record = await this.records.recordOf(name, summary, metadata);
        return { ...record, aliases: sagemaker_aliases_aliasesOf(summary.version, summaries, metadata) };
    }
    async list(name) {
        checkModelName(name, 'name');
        const group = this.groups.groupFor(name, 'read');
        const what = `cannot list the versions of ${name}`;
        const summaries = await this.groups.versionsOf(name, group, what);
        const loaded = await (0,map_limit/* mapLimit */.s)(summaries, sagemaker_aliases_CONCURRENCY, async (summary) => {
            const metadata = await this.groups.metadata(summary, group, what);
            const record = metadata[META.registrationKey] === undefined ? undefined : await this.records.recordOf(name, summary, metadata);
            return { summary, metadata, record };
        });
        const holders = await this.aliases.holders(name, loaded.map(({ summary, metadata }) => ({ version: summary.version, metadata })));
        const approved = highestApproved(summaries);
        return loaded.map(({ summary, record }) => {
            const aliases = [...(summary.version === approved ? [PRODUCTION] : []), ...[...holders].filter(([, version]) => version === summary.version).map(([alias]) => alias)].sort();
            return {
                version: summary.version,
                createdAt: record?.createdAt ?? summary.created.toISOString(),
                aliases,
                ...(record?.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }),
                ...(record?.lineage.runUrl === undefined ? {} : { runUrl: record.lineage.runUrl }),
                metrics: record?.metrics ?? {},
            };
        });
    }
    async history(name) {
        checkModelName(name, 'name');
        const group = this.groups.groupFor(name, 'read');
        this.groups.requireArtifacts(`reading the alias history of ${name}`);
        if (!(await this.groups.groupExists(group, `cannot read the alias history of ${name}`)))
            throw await this.groups.unknownModel(name);
        return this.aliases.events(name);
    }
    async models() {
        return this.groups.models();
    }
    async readFile(record, path) {
        const file = fileOf(record, path);
        return checkBytes(await this.artifacts.readFile(file), file, record.uri, file.location);
    }
    async download(record, directory) {
        return downloadVerified(record, directory, (file, destination) => this.artifacts.downloadFile(file, destination), (file) => file.location);
    }
}

// EXTERNAL MODULE: ./src/platform/github/client.ts
var github_client = __webpack_require__(7560);
;// CONCATENATED MODULE: ./src/platform/github/registry-branch.ts
/**
 * The GitHub registry's index: one file per model, `<name>/index.json`, on a dedicated orphan branch
 * (`cd4ml-registry` by default) that shares no history with the code. The contents API is the
 * compare-and-swap: a write quotes the blob sha it read, and GitHub refuses it (409 "<path> does not
 * match <sha>", or 422 "\"sha\" wasn't supplied." when the file appeared meanwhile) if another writer
 * came first. The branch is made on the first write: a tree with a README saying what the branch is,
 * a root commit, and the ref; a concurrent creator's 422 "Reference already exists" is a win too.
 */

const INDEX_FILE = 'index.json';
const BRANCH_README = `# cd4ml model registry

This branch holds the index of the cd4ml model registry (cd4ml-actions), one file per model:
\`<model>/index.json\` lists the model's versions, the aliases (\`staging\`, \`production\` …) and
every move of an alias, with who moved it, when and from which run.

The model files themselves are release assets: version N of model \`<model>\` is the release
tagged \`model/<model>/vN\` (a draft until the index names it).

The register-model action and the \`cd4ml registry\` command write this branch; do not edit it by
hand. It shares no history with the code, so never merge it: a registry index restored from an
older commit of this branch is the way back from a mistake.
`;
function indexPath(name) {
    return `${name}/${INDEX_FILE}`;
}
/** The HTTP status of an Octokit RequestError, matched by shape (bundles can hold several copies). */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's own message, without Octokit's " - <documentation url>" suffix. */
function messageOf(error) {
    const data = error?.response?.data;
    const message = data?.message;
    const text = typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
    return text.replace(/\s+/g, ' ').trim();
}
/** The `errors` GitHub lists with a 422 Validation Failed, as `field code` strings. */
function validationErrors(error) {
    const data = error?.response?.data;
    const errors = data?.errors;
    if (!Array.isArray(errors))
        return [];
    return errors.map((item) => {
        const { field, code, message } = (item ?? {});
        return [field, code, message].filter((part) => typeof part === 'string').join(' ');
    });
}
/**
 * A GitHub failure as the one-line error a user can act on: what failed, GitHub's answer, and the
 * fix (the permission the token lacks, the repository to check). Errors that are not GitHub's
 * answers (bugs) pass through unchanged.
 */
function gitHubFailure(error, target, what, access) {
    if ((0,errors/* isCd4mlError */.Do)(error))
        return error;
    const status = statusOf(error);
    if (status === undefined)
        return error instanceof Error ? error : new Error(String(error));
    const { owner, repo } = target.repository;
    const answer = `GitHub answered ${status}: ${messageOf(error)}`;
    if (status === 401)
        return new errors/* ServiceError */._7(`Could not ${what} in ${target.description}: ${answer}. The token is invalid or expired; pass a valid github-token.`);
    if ((status === 403 || status === 429) && /rate limit/i.test(messageOf(error))) {
        return new errors/* ServiceError */._7(`Could not ${what} in ${target.description}: ${answer}. Run again once the rate limit resets.`);
    }
    if (status === 403) {
        return new errors/* ServiceError */._7(access === 'write'
            ? `Could not ${what} in ${target.description}: ${answer}. The token needs \`contents: write\` on ${owner}/${repo} (add \`permissions: contents: write\` to the job); a pull request from a fork gets a read-only token and cannot register models.`
            : `Could not ${what} in ${target.description}: ${answer}. The token needs \`contents: read\` on ${owner}/${repo}.`);
    }
    if (status === 404) {
        return new errors/* InputError */.dz(`Could not ${what} in ${target.description}: ${answer}. Check that the registry names an existing repository (github://<owner>/<repo>) and that the token can see it; a private repository looks missing to a token without access.`);
    }
    return new errors/* ServiceError */._7(`Could not ${what} in ${target.description}: ${answer}. Run again; if it persists, check https://www.githubstatus.com.`);
}
function registryBranch(target, branch) {
    const { client, repository: repo, logger } = target;
    const failure = (error, what, access) => gitHubFailure(error, target, what, access);
    /** The text of a blob; the contents API leaves out files over 1 MB, the blobs API has them. */
    async function blobText(sha, path) {
        try {
            const { data } = await client.rest.git.getBlob({ ...repo, file_sha: sha, mediaType: { format: 'raw' } });
            const raw = data;
            if (typeof raw === 'string')
                return raw;
            if (raw instanceof ArrayBuffer)
                return Buffer.from(raw).toString('utf8');
            throw new errors/* ServiceError */._7(`GitHub answered the raw blob of ${path} on ${branch} in ${target.description} with JSON; run again.`);
        }
        catch (error) {
            throw failure(error, `read the registry index ${path} (blob ${sha}) on branch ${branch}`, 'read');
        }
    }
    async function readIndex(name) {
        const path = indexPath(name);
        let data;
        try {
            ({ data } = await client.rest.repos.getContent({ ...repo, path, ref: branch }));
        }
        catch (error) {
            // No such file, or no branch yet ("No commit found for the ref"): the model has no index.
            if (statusOf(error) === 404)
                return { text: undefined, token: undefined };
            throw failure(error, `read the registry index ${path} on branch ${branch}`, 'read');
        }
        const file = data;
        if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') {
            throw new errors/* ServiceError */._7(`${target.description}: ${path} on branch ${branch} is not a file; the registry branch was edited by hand. Restore it from the branch's history.`);
        }
        // Over 1 MB the JSON form has no content (encoding "none"): read the blob itself.
        const inline = file.encoding === 'base64' && typeof file.content === 'string';
        const text = inline ? Buffer.from(file.content, 'base64').toString('utf8') : await blobText(file.sha, path);
        return { text, token: file.sha };
    }
    /** Whether the branch exists: a 404 from the ref means it does not (or the repository is not there). */
    async function branchExists() {
        try {
            await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
            return true;
        }
        catch (error) {
            if (statusOf(error) === 404)
                return false;
            throw failure(error, `look up the registry branch ${branch}`, 'read');
        }
    }
    /** Makes the registry branch: an orphan commit holding only the README. */
    async function createBranch() {
        const what = `create the registry branch ${branch}`;
        let commit;
        try {
            const { data: tree } = await client.rest.git.createTree({ ...repo, tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: BRANCH_README }] });
            ({ data: { sha: commit } } = await client.rest.git.createCommit({ ...repo, message: `registry: create the ${branch} branch`, tree: tree.sha, parents: [] }));
        }
        catch (error) {
            if (statusOf(error) === 409) {
                throw new errors/* InputError */.dz(`Could not ${what} in ${target.description}: ${messageOf(error)}. The repository has no commits yet; push a first commit, then run again.`);
            }
            throw failure(error, what, 'write');
        }
        try {
            await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit });
            logger.info(`Created the registry branch ${branch} in ${repo.owner}/${repo.repo}: an orphan branch that holds only the registry index.`);
        }
        catch (error) {
            if (statusOf(error) === 422 && /already exists/i.test(messageOf(error)))
                return; // a concurrent writer made it first
            if (statusOf(error) === 422) {
                throw new errors/* InputError */.dz(`Could not ${what} in ${target.description}: ${messageOf(error)}. Name a valid git branch with ?branch= in the registry URI.`);
            }
            throw failure(error, what, 'write');
        }
    }
    /** One compare-and-swap write: true when written, false when another writer came first. */
    async function put(name, text, token) {
        const path = indexPath(name);
        try {
            await client.rest.repos.createOrUpdateFileContents({
                ...repo,
                path,
                branch,
                message: `registry: ${name} index`,
                content: Buffer.from(text, 'utf8').toString('base64'),
                ...(token === undefined ? {} : { sha: token }),
                // A lost race is answered at once: the caller rereads; Octokit's retries would resend a stale sha.
                request: { retries: 0 },
            });
            return true;
        }
        catch (error) {
            const status = statusOf(error);
            const message = messageOf(error);
            if (status === 409 && /pull request|protected|rule/i.test(message)) {
                throw new errors/* ServiceError */._7(`Could not write the registry index ${path} to branch ${branch} in ${target.description}: GitHub answered 409: ${message}. The registry branch must not be protected by rules that require pull requests; exempt ${branch}, or name another branch with ?branch=.`);
            }
            // 409: the sha is stale, or the branch moved under a concurrent write.
            if (status === 409)
                return false;
            // 422 "sha" wasn't supplied: the file appeared since it was read.
            if (status === 422 && /\bsha\b/i.test(message))
                return false;
            if (status === 404)
                return 'no-branch';
            // A gateway error leaves it unknown whether the write landed: read again and see.
            if (status !== undefined && status >= 500) {
                logger.warning(`Writing the registry index ${path} to ${branch} failed (${status}: ${message}); reading it again to retry.`);
                return false;
            }
            throw failure(error, `write the registry index ${path} to branch ${branch}`, 'write');
        }
    }
    return {
        readIndex,
        async writeIndex(name, text, token) {
            const written = await put(name, text, token);
            if (written !== 'no-branch')
                return written;
            // GitHub answers 404 for a branch that does not exist yet (and for a repository it cannot see).
            // A branch that exists now was made by a concurrent writer since: a lost race, read again.
            if (await branchExists())
                return false;
            await createBranch();
            const again = await put(name, text, token);
            if (again === 'no-branch') {
                throw new errors/* ServiceError */._7(`Could not write the registry index ${indexPath(name)} in ${target.description}: GitHub answered 404 for the branch ${branch} it had just created. Run again.`);
            }
            return again;
        },
        async models() {
            let commit;
            try {
                ({ data: { object: { sha: commit } } } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` }));
            }
            catch (error) {
                if (statusOf(error) !== 404)
                    throw failure(error, `look up the registry branch ${branch}`, 'read');
                // No branch yet means no models, unless the repository itself is missing.
                try {
                    await client.rest.repos.get({ ...repo });
                }
                catch (inner) {
                    throw failure(inner, 'list the models', 'read');
                }
                return [];
            }
            try {
                const { data } = await client.rest.git.getTree({ ...repo, tree_sha: commit, recursive: '1' });
                if (data.truncated)
                    logger.warning(`The registry branch ${branch} has more entries than GitHub lists in one tree; some models may be missing from the list.`);
                const names = data.tree.map((entry) => (entry.type === 'blob' ? new RegExp(`^([^/]+)/${INDEX_FILE.replace('.', '\\.')}$`).exec(entry.path ?? '')?.[1] : undefined));
                return names.filter((name) => name !== undefined).sort();
            }
            catch (error) {
                throw failure(error, `list the models on branch ${branch}`, 'read');
            }
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/core/report/fit.ts
var fit = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/platform/github/release-assets.ts
/**
 * A registry version's files as the assets of a GitHub release: version N of model `<name>` is the
 * release tagged `model/<name>/vN`, named `<name> vN`, its notes the model card. It stays a draft
 * (no tag, hidden from readers without push access) until the index names the version; then
 * `publish` makes it public, never as the repository's "latest" release.
 *
 * Asset names cannot hold `/`, so a file's path inside the version maps to a flat name (see
 * `assetName`); the path itself is kept in the index, and a file is found again by its asset's API
 * URL, never by name. Downloads ask for `application/octet-stream`: GitHub answers 302 to its object
 * storage and fetch follows, dropping the token on the way (the storage's signed URL needs none).
 */










/** Release notes: GitHub refuses bodies over 125000 characters. */
const RELEASE_BODY_LIMIT = 125_000;
/** Tries of one asset upload (a gateway error or a dropped connection is retried). */
const UPLOAD_ATTEMPTS = 3;
function releaseTag(name, version) {
    return `model/${name}/v${version}`;
}
/** Characters an asset name keeps as they are (GitHub renames others, and leading or trailing dots). */
const KEPT = /^[A-Za-z0-9.-]$/;
/** A path segment that maps readably: kept characters and single inner underscores. */
const READABLE_SEGMENT = /^(?!_)(?!.*__)(?!.*_$)[A-Za-z0-9._-]+$/;
/**
 * The release asset name of a file's path inside the version: deterministic, different for
 * different paths, and made only of characters GitHub keeps (letters, digits, `.`, `-`, `_`).
 *
 * - A path whose segments use only letters, digits, `.`, `-` and `_` (no segment starting or ending
 *   with `_`, none holding `__`, the path neither starting nor ending with `.`) joins its segments
 *   with `__`: `model/sub/a.onnx` → `model__sub__a.onnx`, `record.json` → `record.json`. Every `__`
 *   in such a name is a `/`, so two paths never share a name.
 * - Any other path is escaped, behind a leading `_` that no name of the first kind has: letters,
 *   digits, `.` and `-` stay, `/` becomes `__`, every other UTF-8 byte `_XX` (upper-case hex, `_`
 *   itself `_5F`), and a final `.` `_2E`: `model/my weights.bin` → `_model__my_20weights.bin`.
 *   The escapes form a prefix code, so this too is one-to-one.
 */
function assetName(path) {
    const segments = path.split('/');
    if (segments.every((segment) => READABLE_SEGMENT.test(segment)) && !path.startsWith('.') && !path.endsWith('.'))
        return segments.join('__');
    let escaped = '_';
    for (const byte of Buffer.from(path, 'utf8')) {
        const char = String.fromCharCode(byte);
        escaped += char === '/' ? '__' : byte < 0x80 && KEPT.test(char) ? char : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return escaped.endsWith('.') ? `${escaped.slice(0, -1)}_2E` : escaped;
}
/** The release notes: the card, trimmed to GitHub's limit with a pointer to the full card. */
function releaseBody(card) {
    return (0,fit/* fitToLimit */.Q)(card, RELEASE_BODY_LIMIT, "> [!NOTE]\n> The model card was trimmed to GitHub's size limit for release notes; the release's `model-card.md` asset has it in full.").text;
}
function releaseAssets(target, options) {
    const { client, repository: repo, logger, description } = target;
    const failure = (error, what, access) => gitHubFailure(error, target, what, access);
    /** Releases this process made or found, by tag: the list endpoint may lag behind a create. */
    const known = new Map();
    /** The release with `tag`, draft or not: drafts are listed (to push access) but not found by tag. */
    async function findRelease(tag) {
        const cached = known.get(tag);
        try {
            if (cached !== undefined) {
                const { data } = await client.rest.repos.getRelease({ ...repo, release_id: cached.id }).catch((error) => {
                    if (statusOf(error) === 404)
                        return { data: undefined };
                    throw error;
                });
                if (data !== undefined && data.tag_name === tag)
                    return remember(data);
                known.delete(tag);
            }
            for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { ...repo, per_page: 100 })) {
                const found = page.data.find((release) => release.tag_name === tag);
                if (found !== undefined)
                    return remember(found);
            }
            return undefined;
        }
        catch (error) {
            throw failure(error, `look up the release ${tag}`, 'read');
        }
    }
    function remember(release) {
        known.set(release.tag_name, release);
        return release;
    }
    /** The draft release of a version: the one an earlier attempt made, or a new one. */
    async function draftFor(name, version, context) {
        const tag = releaseTag(name, version);
        const body = releaseBody(context.card);
        const existing = await findRelease(tag);
        if (existing !== undefined) {
            if (!existing.draft) {
                throw new errors/* ServiceError */._7(`${description}: the release ${tag} is already published, but the registry index does not name ${name} v${version} (the index was restored or edited by hand); nothing was replaced. Delete that release and its tag, or restore the index, then run again.`);
            }
            // The notes are set when the release is published, so storing more files costs no extra write.
            const changes = {
                ...(context.gitSha !== undefined && existing.target_commitish !== context.gitSha ? { target_commitish: context.gitSha } : {}),
            };
            if (Object.keys(changes).length === 0)
                return existing;
            try {
                const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: existing.id, ...changes });
                return remember(data);
            }
            catch (error) {
                throw failure(error, `update the draft release ${tag}`, 'write');
            }
        }
        const commitish = context.gitSha ?? options.defaultBranch;
        const create = async (withTarget) => (await client.rest.repos.createRelease({
            ...repo,
            tag_name: tag,
            name: `${name} v${version}`,
            draft: true,
            make_latest: 'false',
            ...(body === '' ? {} : { body }),
            ...(withTarget && commitish !== undefined ? { target_commitish: commitish } : {}),
        })).data;
        try {
            try {
                return remember(await create(true));
            }
            catch (error) {
                const unknownTarget = statusOf(error) === 422 && validationErrors(error).some((item) => item.includes('target_commitish'));
                if (!unknownTarget || commitish === undefined)
                    throw error;
                logger.warning(`GitHub does not know ${commitish} in ${repo.owner}/${repo.repo} (a commit that was not pushed?); the release ${tag} will be tagged on the default branch when it is published.`);
                return remember(await create(false));
            }
        }
        catch (error) {
            throw failure(error, `create the draft release ${tag}`, 'write');
        }
    }
    async function listAssets(release) {
        try {
            return await client.paginate(client.rest.repos.listReleaseAssets, { ...repo, release_id: release.id, per_page: 100 });
        }
        catch (error) {
            throw failure(error, `list the assets of the release ${release.tag_name}`, 'read');
        }
    }
    async function deleteAsset(release, asset) {
        try {
            await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.id });
        }
        catch (error) {
            if (statusOf(error) === 404)
                return; // gone already
            throw failure(error, `replace the asset ${asset.name} of the release ${release.tag_name}`, 'write');
        }
    }
    /** Uploads one file under `name`, replacing an asset of that name; retries a failed transfer. */
    async function upload(release, name, file, existing) {
        try {
            await (0,promises_.stat)(file.file);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`Cannot read ${file.file} (${error.code ?? error.message}) to store it as ${file.path}; check that the file exists.`);
        }
        for (const stale of existing.filter((asset) => asset.name === name))
            await deleteAsset(release, stale);
        // upload_url is a URI template (`…/assets{?name,label}`): the name goes in the query.
        const url = new URL(release.upload_url.replace(/\{[^}]*\}/g, ''));
        url.searchParams.set('name', name);
        for (let attempt = 0;; attempt += 1) {
            try {
                const { data } = await client.request({
                    method: 'POST',
                    url: url.href,
                    headers: { 'content-type': 'application/octet-stream', 'content-length': file.size },
                    data: (0,external_node_fs_.createReadStream)(file.file),
                    // A stream cannot be sent twice: this loop retries with a fresh one.
                    request: { retries: 0 },
                });
                const asset = data;
                if (asset.size !== file.size) {
                    throw new errors/* ServiceError */._7(`${description}: GitHub kept ${asset.size} bytes of ${file.path} (${file.size} sent) in the release ${release.tag_name}; run again to upload it anew.`);
                }
                if (asset.name !== name)
                    logger.warning(`GitHub renamed the asset ${name} of ${file.path} to ${asset.name}; a re-run will not replace it by name.`);
                return asset;
            }
            catch (error) {
                const status = statusOf(error);
                // A failed transfer can leave a partial asset that holds the name (422 already_exists).
                const leftover = status === 422 && validationErrors(error).some((item) => item.includes('already_exists'));
                if (attempt + 1 >= UPLOAD_ATTEMPTS || status === undefined || (status < 500 && !leftover)) {
                    throw failure(error, `upload ${file.path} to the release ${release.tag_name}`, 'write');
                }
                logger.warning(`Uploading ${file.path} to the release ${release.tag_name} failed (${status}: ${messageOf(error)}); trying again.`);
                await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(attempt, { baseMs: 1000, maxMs: 8000 }));
                for (const stale of (await listAssets(release)).filter((asset) => asset.name === name))
                    await deleteAsset(release, stale);
            }
        }
    }
    /** The asset id in a StoredFile's location (`…/repos/<owner>/<repo>/releases/assets/<id>`). */
    function assetId(file) {
        const id = /\/releases\/assets\/(\d+)\/?(?:[?#]|$)/.exec(file.location)?.[1];
        if (id === undefined) {
            throw new errors/* ServiceError */._7(`${description}: the location of ${file.path}, ${file.location}, is not a GitHub release asset URL; the index was edited by hand or written by another backend.`);
        }
        return Number(id);
    }
    /** GET the asset's bytes; `stream` leaves the body unread for the caller. */
    async function fetchAsset(file, stream) {
        try {
            const response = await client.rest.repos.getReleaseAsset({
                ...repo,
                asset_id: assetId(file),
                headers: { accept: 'application/octet-stream' },
                ...(stream ? { request: { parseSuccessResponseBody: false } } : {}),
            });
            return response.data;
        }
        catch (error) {
            if (statusOf(error) === 404) {
                throw new errors/* ServiceError */._7(`${description}: the release asset of ${file.path} (${file.location}) is not there (GitHub answered 404): the asset or its release was deleted, or the release is still a draft (a registration interrupted before publishing; re-run it) and the token lacks push access to see drafts.`);
            }
            throw failure(error, `download ${file.path}`, 'read');
        }
    }
    return {
        async putFiles(name, version, files, context) {
            const paths = new Set();
            for (const file of files) {
                if (paths.has(file.path))
                    throw new errors/* InputError */.dz(`${name} v${version}: the file ${file.path} was given twice; name each file once.`);
                paths.add(file.path);
            }
            const release = await draftFor(name, version, context);
            const existing = await listAssets(release);
            const stored = [];
            for (const file of files) {
                const asset = await upload(release, assetName(file.path), file, existing);
                stored.push({ path: file.path, sha256: file.sha256, size: file.size, location: asset.url });
            }
            logger.info(`Stored ${files.length} file${files.length === 1 ? '' : 's'} of ${name} v${version} in the draft release ${release.tag_name}.`);
            return stored;
        },
        async publish(name, version, context) {
            const tag = releaseTag(name, version);
            const release = await findRelease(tag);
            if (release === undefined) {
                throw new errors/* ServiceError */._7(`${description}: the release ${tag} of ${name} v${version} is gone (deleted by hand?), so its files cannot be served; register the model again as a new version.`);
            }
            if (!release.draft)
                return;
            const body = releaseBody(context.card);
            try {
                // make_latest false: a model release must not take the repository's "Latest" badge from the software.
                const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false, make_latest: 'false', ...(body === '' ? {} : { body }) });
                remember(data);
                logger.info(`Published the release ${tag}: ${data.html_url}`);
            }
            catch (error) {
                if (statusOf(error) === 422 && validationErrors(error).some((item) => item.includes('tag_name') && item.includes('already_exists'))) {
                    throw new errors/* ServiceError */._7(`${description}: cannot publish ${tag}: another published release already has that tag. Delete it (it is not the registry's), then run again.`);
                }
                throw failure(error, `publish the release ${tag}`, 'write');
            }
        },
        async readFile(file) {
            const data = await fetchAsset(file, false);
            if (data instanceof ArrayBuffer)
                return new Uint8Array(data);
            if (typeof data === 'string')
                return Buffer.from(data, 'utf8');
            throw new errors/* ServiceError */._7(`${description}: GitHub answered the download of ${file.path} with a description instead of its bytes; run again.`);
        },
        async downloadFile(file, destination) {
            const body = await fetchAsset(file, true);
            if (typeof body?.getReader !== 'function') {
                throw new errors/* ServiceError */._7(`${description}: GitHub answered the download of ${file.path} without a body; run again.`);
            }
            const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(destination), `.${(0,external_node_path_.basename)(destination)}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.download`);
            try {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(destination), { recursive: true });
                await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(body), (0,external_node_fs_.createWriteStream)(temporary));
                await (0,promises_.rename)(temporary, destination);
            }
            catch (error) {
                await (0,promises_.rm)(temporary, { force: true });
                const local = error;
                if (local.syscall !== undefined)
                    throw new errors/* InputError */.dz(`Cannot write ${destination} (${local.code ?? local.message}); check that the directory is writable and the disk has room.`);
                throw new errors/* ServiceError */._7(`${description}: downloading ${file.path} was interrupted (${error.message}); run again.`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/platform/github/registry-storage.ts





function createGitHubRegistryStorage(options) {
    const branch = options.branch ?? DEFAULT_REGISTRY_BRANCH;
    const { owner, repo } = options.repository;
    const description = `github://${owner}/${repo}${branch === DEFAULT_REGISTRY_BRANCH ? '' : `?branch=${branch}`}`;
    const target = { client: options.client, repository: options.repository, description, logger: options.logger };
    const index = registryBranch(target, branch);
    const assets = releaseAssets(target, options.defaultBranch === undefined ? {} : { defaultBranch: options.defaultBranch });
    return {
        description,
        readIndex: (name) => index.readIndex(name),
        writeIndex: (name, text, token) => index.writeIndex(name, text, token),
        models: () => index.models(),
        putFiles: (name, version, files, context) => assets.putFiles(name, version, files, context),
        publish: (name, version, context) => assets.publish(name, version, context),
        readFile: (file) => assets.readFile(file),
        downloadFile: (file, destination) => assets.downloadFile(file, destination),
    };
}

;// CONCATENATED MODULE: ./src/platform/registry.ts
/**
 * Opens the registry a `registry` input names: the one place that maps a URI to a backend, so the
 * actions and the CLI agree. `file://` and `s3://` need nothing else; `github` needs a token and a
 * repository (the workflow's own, or github://<owner>/<repo>); `sagemaker://` needs AWS credentials.
 */








function openRegistry(uri, options) {
    const location = parseRegistryUri(uri, options.what, options.cwd);
    const indexed = { logger: options.logger };
    switch (location.kind) {
        case 'file':
            return new IndexedRegistry(createFileStorage(location.directory), indexed);
        case 's3':
            return new IndexedRegistry(createS3RegistryStorage({ bucket: location.bucket, prefix: location.prefix }), indexed);
        case 'github': {
            const repository = location.repository ?? options.run.repository;
            if (repository === undefined) {
                throw new errors/* InputError */.dz(`${options.what}: "github" means this repository's registry, but no repository is known here (GITHUB_REPOSITORY is unset); write github://<owner>/<repo>, or use file://<directory> locally.`);
            }
            if (options.token === undefined) {
                throw new errors/* EnvironmentError */.eG(`${options.what}: the github registry needs a token: pass github-token (the workflow's token with contents: write), or set GITHUB_TOKEN locally.`);
            }
            const client = (0,github_client/* createGitHubClient */.L)(options.token, { apiUrl: options.run.apiUrl, logger: options.logger });
            return new IndexedRegistry(createGitHubRegistryStorage({ client, repository, branch: location.branch, logger: options.logger, ...(options.run.defaultBranch === undefined ? {} : { defaultBranch: options.run.defaultBranch }) }), indexed);
        }
        case 'sagemaker':
            return createSageMakerRegistry(location, { logger: options.logger });
    }
}

;// CONCATENATED MODULE: ./src/actions/registry-reference.ts
/**
 * `registry:<name>@<version|alias>` in the inputs of evaluate-gate (a baseline's metrics or model)
 * and check-drift (a reference profile): resolved in the registry the action's `registry` input
 * names, each file checked against its sha256 as it is read.
 */









function registryInput(where) {
    return {
        description: `Registry URI in which \`registry:<name>@<version|alias>\` ${where} is resolved (as register-model's \`registry\`).`,
        default: 'github',
        parser: (0,parsers/* text */.Qq)('github, file://…, s3://… or sagemaker://…'),
    };
}
/** The version `spec` names; NotInRegistryError when the model, version or alias does not exist. */
async function resolveReference(spec, input, context) {
    const reference = parseReference(spec, `Input "${input}"`);
    const registry = openRegistry(context.registry, { what: 'Input "registry"', cwd: context.cwd, run: context.run, token: context.token, logger: context.logger });
    const record = await registry.resolve(reference.name, reference.selector);
    const label = 'version' in reference.selector ? record.uri : `${spec.trim()} (v${record.version})`;
    context.logger.info(`${spec.trim()} is ${record.uri} in ${registry.description}.`);
    return { registry, record, label };
}
/** The version's ONNX model, written to `directory`; its path. */
async function fetchOnnxModel(resolved, directory) {
    const { record, registry } = resolved;
    const models = onnxModels(record);
    if (models.length !== 1) {
        const files = record.files.map((file) => file.path).join(', ');
        throw new InputError(models.length === 0
            ? `${record.uri} has no ONNX model to score (its files: ${files}); give baseline-metrics: ${record.uri} to compare with its registered metrics instead.`
            : `${record.uri} has several ONNX files (${models.map((file) => file.path).join(', ')}); the gate scores one model: register it on its own.`);
    }
    const model = models[0];
    const path = join(directory, `${record.name}-v${record.version}.onnx`);
    await mkdir(directory, { recursive: true });
    await writeFile(path, await registry.readFile(record, model.path));
    return path;
}
/** The data profile registered with the version. */
async function fetchProfile(resolved) {
    const { record, registry } = resolved;
    if (!record.files.some((file) => file.path === PROFILE_FILE)) {
        throw new errors/* InputError */.dz(`${record.uri} was registered without a data profile, so it cannot be a drift reference; register versions with register-model's profile input (validate-data's profile-output).`);
    }
    const bytes = await registry.readFile(record, PROFILE_FILE);
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (error) {
        throw new errors/* InputError */.dz(`${record.uri}'s ${PROFILE_FILE} is not valid JSON (${error.message}).`);
    }
    return (0,profile/* parseProfile */.jZ)(value, `${record.uri} ${PROFILE_FILE}`);
}


/***/ }),

/***/ 9548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);


const CHUNK = 1 << 20;
/**
 * The sha256 of a file as lowercase hex, read in 1 MiB pieces into one reused buffer, so memory
 * stays flat whatever the file's size (a read stream would allocate a fresh buffer per piece and
 * leave them to the garbage collector).
 */
async function sha256File(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(CHUNK);
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    return hash.digest('hex');
}


/***/ }),

/***/ 9501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is
 * then renamed over it, so a reader never sees half a file and a failure leaves the old one intact.
 */




async function writeFileAtomic(path, content, what) {
    const directory = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(directory, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, content);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true }).catch(() => undefined); // nothing to clean up when the directory itself was the problem
        const reason = error.code ?? error.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${what}: cannot write ${path} (${reason}); check that the directory is writable.`);
    }
}


/***/ }),

/***/ 8945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   _h: () => (/* binding */ existingFile),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports invalidInput, boolean, integer, jsonObject, outputPath, jsonFile, yamlFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/**
 * Strict parsers for action inputs and CLI flags. Each turns the raw text into a typed value or throws
 * an InputError that names the input, quotes the bad value and says what is expected. No parser
 * substitutes a default or clamps a value: defaults live only in the action metadata.
 */




function invalidInput(name, raw, expected, hint) {
    const fix = hint === undefined ? '' : ` ${hint}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input "${name}" has an invalid value ${JSON.stringify(raw)}: expected ${expected}.${fix}`);
}
/** Any non-empty text, used as given. */
function text(expected = 'a non-empty text') {
    return { expected, parse: (raw) => raw };
}
const TRUE_WORDS = (/* unused pure expression or super */ null && (['true', 'True', 'TRUE']));
const FALSE_WORDS = (/* unused pure expression or super */ null && (['false', 'False', 'FALSE']));
/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
function boolean() {
    const expected = 'true or false';
    return {
        expected,
        flag: true,
        parse(raw, name) {
            if (TRUE_WORDS.includes(raw))
                return true;
            if (FALSE_WORDS.includes(raw))
                return false;
            throw invalidInput(name, raw, expected);
        },
    };
}
function boundsText(bounds) {
    const { min, max } = bounds;
    if (min !== undefined && max !== undefined)
        return ` from ${min} to ${max}`;
    if (min !== undefined)
        return ` of at least ${min}`;
    if (max !== undefined)
        return ` of at most ${max}`;
    return '';
}
function checkBounds(value, raw, name, bounds, expected) {
    if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
        throw invalidInput(name, raw, expected);
    }
    return value;
}
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A whole number in decimal notation, within optional inclusive bounds. */
function integer(bounds = {}) {
    const expected = `an integer${boundsText(bounds)}`;
    return {
        expected,
        parse(raw, name) {
            const value = Number(raw);
            if (!INTEGER.test(raw) || !Number.isSafeInteger(value))
                throw invalidInput(name, raw, expected);
            return checkBounds(value, raw, name, bounds, expected);
        },
    };
}
/** A finite decimal number (no NaN, Infinity or hex), within optional inclusive bounds. */
function number(bounds = {}) {
    const expected = `a number${boundsText(bounds)}`;
    return {
        expected,
        parse(raw, name) {
            const value = Number(raw);
            if (!DECIMAL.test(raw) || !Number.isFinite(value))
                throw invalidInput(name, raw, expected);
            return checkBounds(value, raw, name, bounds, expected);
        },
    };
}
/** Exactly one of the given words (case-sensitive, as YAML keys in workflows are). */
function oneOf(values) {
    const expected = `one of ${values.join(', ')}`;
    return {
        expected,
        parse(raw, name) {
            if (values.includes(raw))
                return raw;
            const near = values.find((value) => value.toLowerCase() === raw.toLowerCase());
            throw invalidInput(name, raw, expected, near === undefined ? undefined : `Did you mean "${near}"?`);
        },
    };
}
/**
 * Items separated by newlines or commas (a YAML block scalar or `a, b, c`), trimmed, empty items
 * dropped, each checked by `item`. `plural` names the items for messages, e.g. "column names".
 * Items that may contain commas themselves (regexes, shell words) are split on newlines only.
 */
function list(item, plural, split = 'commas-or-newlines') {
    const separator = split === 'newlines' ? /\n/ : /[\n,]/;
    const expected = `one or more ${plural}, ${split === 'newlines' ? 'one per line' : 'separated by commas or newlines'}`;
    return {
        expected,
        repeatable: true,
        parse(raw, name) {
            const items = raw
                .split(separator)
                .map((part) => part.trim())
                .filter((part) => part !== '');
            if (items.length === 0)
                throw invalidInput(name, raw, expected);
            return items.map((part) => item.parse(part, name));
        },
    };
}
/** An inline JSON object (e.g. training params); arrays, strings and numbers are refused. */
function jsonObject() {
    const expected = 'a JSON object such as {"lr": 0.1}';
    return {
        expected,
        parse(raw, name) {
            let value;
            try {
                value = JSON.parse(raw);
            }
            catch (error) {
                throw invalidInput(name, raw, expected, `The JSON parser said: ${error.message}.`);
            }
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                throw invalidInput(name, raw, expected);
            return value;
        },
    };
}
function requireFile(raw, name) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(raw);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input "${name}" names a file that does not exist: ${JSON.stringify(raw)} (looked for ${path}); paths are relative to the working directory.`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input "${name}" must name a file, but ${JSON.stringify(raw)} is a directory.`);
    }
    return path;
}
/** A path to an existing regular file, returned as given (relative paths stay relative). */
function existingFile() {
    return {
        expected: 'the path of an existing file',
        parse(raw, name) {
            requireFile(raw, name);
            return raw;
        },
    };
}
/** A path that may not exist yet (an output file); checked only for being non-empty. */
function outputPath() {
    return text('a file path to write');
}
/** A JSON file, read and parsed when the inputs are read, so a broken file fails before any work. */
function jsonFile() {
    return {
        expected: 'the path of a JSON file',
        parse(raw, name) {
            const content = readFileSync(requireFile(raw, name), 'utf8');
            try {
                return { path: raw, value: JSON.parse(content) };
            }
            catch (error) {
                throw new InputError(`Input "${name}": ${raw} is not valid JSON: ${error.message}.`);
            }
        },
    };
}
/** A YAML (or JSON, which is YAML) file, read and parsed when the inputs are read. */
function yamlFile() {
    return {
        expected: 'the path of a YAML or JSON file',
        parse(raw, name) {
            const content = readFileSync(requireFile(raw, name), 'utf8');
            try {
                return { path: raw, value: parseYaml(content) };
            }
            catch (error) {
                if (error instanceof YAMLParseError) {
                    const where = error.linePos?.[0];
                    const at = where === undefined ? '' : ` at line ${where.line}, column ${where.col}`;
                    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
                    throw new InputError(`Input "${name}": ${raw} is not valid YAML${at}: ${reason}.`);
                }
                throw error;
            }
        },
    };
}


/***/ }),

/***/ 3075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * Bounded concurrency for remote calls: `mapLimit` runs `work` over `items` with at most `limit` calls
 * in flight and gives the results in the items' order. The first failure stops new calls from
 * starting (those in flight finish) and is what the returned promise rejects with.
 *
 * Complexity: items.length calls of `work`, at most `limit` at once.
 */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next;
            next += 1;
            try {
                results[index] = await work(items[index]);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 7416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PO: () => (/* binding */ profileDocument),
/* harmony export */   jZ: () => (/* binding */ parseProfile)
/* harmony export */ });
/* unused harmony exports PROFILE_FORMAT, PROFILE_VERSION, QUANTILES, HISTOGRAM_BINS, TOP_VALUES, CATEGORY_MAX_DISTINCT, inferType, summarize, mergeProfiles */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _column_profile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7345);
/* harmony import */ var _kll_sketch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4381);
/**
 * The profile document (docs/profile.md): per-column statistics of a dataset, readable (`summary`)
 * and mergeable (`state`). It is the drift reference stored with each model, and the profiles of
 * shards merge into the profile of the whole (mergeProfiles).
 */



const PROFILE_FORMAT = 'cd4ml-profile';
const PROFILE_VERSION = 1;
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
const TOP_VALUES = 10;
/** A text column with at most this many distinct values (and at least 4 rows per value) reads as a category. */
const CATEGORY_MAX_DISTINCT = 50;
function inferType(profile, distinct) {
    const state = profile.toKinds();
    const values = profile.count;
    if (values === 0)
        return 'empty';
    if (state.integer === values)
        return 'integer';
    if (state.integer + state.number === values)
        return 'number';
    if (state.boolean === values)
        return 'boolean';
    if (state.date === values)
        return 'date';
    if (state.date + state.datetime === values)
        return 'datetime';
    if (distinct.exact && distinct.value <= CATEGORY_MAX_DISTINCT && distinct.value * 4 <= values)
        return 'category';
    return 'string';
}
function histogram(profile, categories) {
    const { min, max } = profile;
    const n = profile.numericCount;
    const bins = min === max ? 1 : HISTOGRAM_BINS;
    const width = (max - min) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
    const counts = new Array(bins).fill(0);
    const numeric = categories?.filter((entry) => typeof entry[0] === 'number');
    if (numeric !== undefined && numeric.reduce((sum, [, count]) => sum + count, 0) === n) {
        for (const [value, count] of numeric) {
            const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
            counts[bin] = counts[bin] + count;
        }
        return { edges, counts, exact: true };
    }
    // From the sketch: cumulative counts at the inner edges, rounded, so the bins sum to n.
    const inner = edges.slice(1, -1);
    const cdf = profile.cdf(inner);
    let previous = 0;
    for (let i = 0; i < bins; i += 1) {
        const cumulative = i === bins - 1 ? n : Math.round(cdf[i] * n);
        counts[i] = Math.max(0, cumulative - previous);
        previous = Math.max(previous, cumulative);
    }
    return { edges, counts, exact: false };
}
function summarize(name, profile) {
    const state = profile.toState();
    const distinct = profile.distinct;
    const type = inferType(profile, distinct);
    const summary = {};
    if (profile.numericCount > 0) {
        summary.min = profile.min;
        summary.max = profile.max;
        summary.mean = profile.mean;
        const variance = profile.variance;
        if (!Number.isNaN(variance)) {
            summary.variance = variance;
            summary.std = Math.sqrt(variance);
        }
        const values = profile.quantiles(QUANTILES);
        summary.quantiles = Object.fromEntries(QUANTILES.map((q, i) => [String(q), values[i]]));
        summary.histogram = histogram(profile, state.categories);
    }
    else if (state.temporal !== null) {
        summary.min = state.temporal.min;
        summary.max = state.temporal.max;
    }
    if (state.categories !== null && (type === 'category' || type === 'boolean' || distinct.value <= CATEGORY_MAX_DISTINCT)) {
        const values = state.categories.slice(0, TOP_VALUES);
        const shown = values.reduce((sum, [, count]) => sum + count, 0);
        summary.top = { values, other: profile.count - shown };
    }
    if (state.length !== null)
        summary.length = { min: state.length.min, max: state.length.max, mean: state.length.sum / state.length.count };
    if (state.kinds.boolean > 0)
        summary.true_fraction = state.trues / state.kinds.boolean;
    return { name, type, count: profile.count, nulls: profile.nulls, empty: profile.empty, distinct, summary, state };
}
function profileDocument(rows, sources, columns) {
    return {
        format: PROFILE_FORMAT,
        version: PROFILE_VERSION,
        rows,
        sources,
        rank_error: _kll_sketch_js__WEBPACK_IMPORTED_MODULE_2__/* .KllSketch */ .gu.rankError(200),
        columns: columns.map(([name, profile]) => summarize(name, profile)),
    };
}
/** Reads a profile document, checking the format and version; `file` names it in errors. */
function parseProfile(value, file) {
    const document = value;
    if (document === null || typeof document !== 'object' || document.format !== PROFILE_FORMAT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${file}: not a cd4ml profile (expected "format": "${PROFILE_FORMAT}"); write one with validate-data's profile-output.`);
    }
    if (document.version !== PROFILE_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${file}: profile version ${JSON.stringify(document.version)} is not supported; this version of cd4ml-actions reads version ${PROFILE_VERSION}.`);
    }
    if (!Array.isArray(document.columns) || typeof document.rows !== 'number') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${file}: the profile has no "columns" list or "rows" count; regenerate it with validate-data's profile-output.`);
    }
    return document;
}
/**
 * Merges the profiles of shards into the profile of the whole: columns by name (a column missing from a
 * shard is null in all its rows), counts and moments exactly, quantiles within the sketch's rank error.
 */
function mergeProfiles(documents) {
    const merged = new Map();
    let rows = 0;
    const sources = [];
    for (const document of documents) {
        const present = new Set();
        for (const column of document.columns) {
            present.add(column.name);
            let profile = merged.get(column.name);
            if (profile === undefined) {
                profile = new ColumnProfile();
                profile.addNulls(rows);
                merged.set(column.name, profile);
            }
            profile.merge(ColumnProfile.fromState(column.state));
        }
        for (const [name, profile] of merged)
            if (!present.has(name))
                profile.addNulls(document.rows);
        rows += document.rows;
        sources.push(...document.sources);
    }
    return profileDocument(rows, sources, [...merged]);
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ fitToLimit)
/* harmony export */ });
/**
 * Fitting Markdown into a size limit (GitHub comments, check-run summaries, job summaries) without
 * producing broken Markdown: the cut falls on the last line break that fits (mid-line only when a
 * single line is longer than the limit), never inside a UTF-16 surrogate pair or a UTF-8 sequence,
 * an open code fence is closed, and a notice says what was left out and where to find it.
 */
/** Length in UTF-16 code units, which bounds GitHub's character count from above. */
function measure(text, unit) {
    return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}
function cutToUnits(text, units, unit) {
    if (unit === 'chars') {
        let end = Math.max(0, units);
        const last = text.charCodeAt(end - 1);
        if (end > 0 && last >= 0xd800 && last <= 0xdbff)
            end -= 1; // do not split a surrogate pair
        return text.slice(0, end);
    }
    const bytes = Buffer.from(text, 'utf8').subarray(0, Math.max(0, units));
    // Dropping a partial trailing character: decode and re-encode drops the replacement character.
    const decoded = bytes.toString('utf8');
    return decoded.endsWith('\uFFFD') && !text.startsWith(decoded) ? decoded.slice(0, -1) : decoded;
}
function openFence(text) {
    let fence;
    for (const line of text.split('\n')) {
        const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
        if (match === null)
            continue;
        const marker = match[1];
        if (fence === undefined)
            fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length)
            fence = undefined;
    }
    return fence;
}
/**
 * Returns `text` unchanged when it fits in `limit`, otherwise its longest prefix ending at a line
 * break that fits together with `notice` (and a fence closer when needed). O(n) in the text length.
 */
function fitToLimit(text, limit, notice, unit = 'chars') {
    if (measure(text, unit) <= limit)
        return { text, trimmed: false };
    const tail = `\n\n${notice}\n`;
    let room = limit - measure(tail, unit);
    while (room > 0) {
        let kept = cutToUnits(text, room, unit);
        const lineBreak = kept.lastIndexOf('\n');
        if (lineBreak > 0)
            kept = kept.slice(0, lineBreak);
        const fence = openFence(kept);
        const closer = fence === undefined ? '' : `\n${fence}`;
        const fitted = `${kept}${closer}${tail}`;
        if (measure(fitted, unit) <= limit)
            return { text: fitted, trimmed: true };
        room -= Math.max(1, measure(closer, unit)); // make room for the fence closer and try once more
    }
    throw new RangeError(`The limit ${limit} leaves no room for the trim notice.`);
}


/***/ }),

/***/ 4201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ cell),
/* harmony export */   z: () => (/* binding */ details)
/* harmony export */ });
/** Small Markdown pieces the reports share. */
/** Text for a table cell: pipes escaped. */
function cell(text) {
    return text.replaceAll('|', '\\|');
}
/** A collapsed section. */
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}


/***/ }),

/***/ 3596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   l9: () => (/* binding */ formatPercent)
/* harmony export */ });
/* unused harmony exports MINUS, formatApart, formatInterval */
/**
 * Numbers for people: metric values, signed changes, percentages and intervals, as the gate's reasons
 * and the report show them. Negative numbers use the real minus sign (U+2212); NaN is `n/a`.
 *
 * Values keep 4 significant digits, except that numbers of 1000 and above keep one decimal
 * (1234.6) rather than being rounded to tens; magnitudes below 10⁻⁴ or from 10⁹ are written in
 * exponent form (1.2e-5). Trailing zeros are dropped (0.80 → 0.8).
 */
const MINUS = '\u2212';
function trimZeros(text) {
    return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
/**
 * |x| (finite, ≥ 0) with `digits` significant digits, but at least `minDecimals` decimals from 1
 * upwards, and never more digits than the shortest text that reads back as the same number.
 */
function magnitude(a, digits, minDecimals) {
    if (a === 0)
        return '0';
    if (a < 1e-4 || a >= 1e9) {
        const shortest = (a.toExponential().split('e')[0] ?? '').replace('.', '').length;
        const [mantissa = '', exponent = '0'] = a.toExponential(Math.min(digits, shortest) - 1).split('e');
        return `${trimZeros(mantissa)}e${Number(exponent)}`;
    }
    const shortestDecimals = String(a).split('.')[1]?.length ?? 0;
    if (a >= 1) {
        const integerDigits = String(Math.floor(a)).length;
        return trimZeros(a.toFixed(Math.min(shortestDecimals, Math.max(minDecimals, digits - integerDigits))));
    }
    const shortestDigits = String(a).replace(/^0\.0*/, '').length;
    return trimZeros(a.toPrecision(Math.min(digits, shortestDigits)));
}
function signed(x, digits, minDecimals, plus, suffix = '') {
    if (Number.isNaN(x))
        return 'n/a';
    if (x === 0)
        return `${plus === '' ? '' : '±'}0${suffix}`;
    const sign = x < 0 ? MINUS : plus;
    const body = Number.isFinite(x) ? magnitude(Math.abs(x), digits, minDecimals) : '∞';
    return `${sign}${body}${suffix}`;
}
/** A metric value: 0.8312, 12.35, 1234.6, 1.2e-5, −0.05; NaN → `n/a`, ±Infinity → `∞`, `−∞`. */
function formatValue(x, digits = 4) {
    return signed(x, digits, 1, '');
}
/** A change, always signed: +0.0123, −0.031; exactly zero is `±0`, NaN is `n/a`. */
function formatDelta(x, digits = 4) {
    return signed(x, digits, 1, '+');
}
/**
 * A fraction as a percentage with 3 significant digits (no decimals are cut from the integer part):
 * 0.0312 → +3.12%, −0.5 → −50%, 0.0006 → +0.06%, 12.345 → +1235%; zero is ±0%, NaN is `n/a`.
 */
function formatPercent(fraction, options = {}) {
    const { digits = 3, signed: withSign = true } = options;
    return signed(fraction * 100, digits, 0, withSign ? '+' : '', '%');
}
/**
 * Formats `a` and `b` with `format`, starting at `digits` significant digits and adding more (up to
 * 17) until two different numbers read differently, so a message never says "0.8 is below the
 * minimum 0.8".
 */
function formatApart(a, b, format = formatValue, fromDigits = 4) {
    let digits = fromDigits;
    let pair = [format(a, digits), format(b, digits)];
    while (a !== b && pair[0] === pair[1] && digits < 17) {
        digits += 1;
        pair = [format(a, digits), format(b, digits)];
    }
    return pair;
}
/** An interval as `[−0.045, −0.018]`; ends that would read the same get more digits. */
function formatInterval(interval, format = formatValue) {
    const [low, high] = formatApart(interval[0], interval[1], format);
    return `[${low}, ${high}]`;
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   mX: () => (/* binding */ retryWhileUndefined),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * The one retry helper: exponential backoff with full jitter (a delay drawn uniformly from
 * [0, min(maxMs, baseMs · 2^attempt)]), as AWS recommends for contended writers, so that concurrent
 * losers of a compare-and-swap spread out instead of colliding again in lockstep.
 */

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The delay before retry number `attempt` (0 for the first retry). */
function backoffDelay(attempt, options) {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
    return Math.floor((options.random ?? Math.random)() * ceiling);
}
/**
 * Runs `operation` until it returns a value other than `undefined` (undefined means "lost a race,
 * try again"); errors it throws are not retried. After `attempts` tries, a ServiceError says `what`
 * kept failing.
 */
async function retryWhileUndefined(what, options, operation) {
    const wait = options.sleep ?? sleep;
    for (let attempt = 0; attempt < options.attempts; attempt += 1) {
        const result = await operation(attempt);
        if (result !== undefined)
            return result;
        if (attempt + 1 < options.attempts)
            await wait(backoffDelay(attempt, options));
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(`${what}: other writers kept changing it; gave up after ${options.attempts} attempts. Run again; nothing half-written was left.`);
}


/***/ }),

/***/ 5890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Co: () => (/* binding */ NETWORK_CODES),
/* harmony export */   DA: () => (/* binding */ DENIED_CODES),
/* harmony export */   F5: () => (/* binding */ shapeOf),
/* harmony export */   QO: () => (/* binding */ THROTTLED_CODES),
/* harmony export */   f9: () => (/* binding */ lacksCredentials),
/* harmony export */   m2: () => (/* binding */ errorDetail),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   zw: () => (/* binding */ NO_CREDENTIALS)
/* harmony export */ });
/**
 * How an AWS SDK (or network) failure is read, the same way for every service: its code (S3's `Code`,
 * Node's `code`, else the exception's name), its HTTP status, whether no credentials were found at
 * all, and the "code: message" detail the one-line errors of s3-store.ts and sagemaker-client.ts
 * quote (the status stands in for a message the response did not carry).
 */
function shapeOf(error) {
    return (typeof error === 'object' && error !== null ? error : {});
}
/** The error's code as the service (or the network layer) named it. */
function errorCode(error) {
    const shape = shapeOf(error);
    return shape.Code ?? shape.code ?? shape.name;
}
function httpStatus(error) {
    return shapeOf(error).$metadata?.httpStatusCode;
}
/** The SDK found no credentials anywhere in its default chain. */
function lacksCredentials(error) {
    const shape = shapeOf(error);
    return shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '');
}
/** What to do when `lacksCredentials`. */
const NO_CREDENTIALS = 'no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again';
/** `code: message` on one line; the HTTP status when the message is empty or only repeats the code. */
function errorDetail(error, code) {
    const status = httpStatus(error);
    const text = (shapeOf(error).message ?? '').replace(/\s+/g, ' ').trim();
    const message = text === '' || text === code || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
    return message === '' ? code : `${code}: ${message}`;
}
/** Codes of a failure to reach the endpoint at all. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);
/** AWS error codes of a call the credentials may not make. */
const DENIED_CODES = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'ExpiredTokenException',
    'ExpiredToken',
    'MissingAuthenticationTokenException',
    'NotAuthorized',
]);
/** AWS error codes of a throttled call. */
const THROTTLED_CODES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);


/***/ }),

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ue: () => (/* binding */ awsRegion),
/* harmony export */   oD: () => (/* binding */ s3Client)
/* harmony export */ });
/* unused harmony exports DEFAULT_REGION, configuredEndpoint */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3711);
/**
 * The one place AWS SDK clients are built, so every client agrees on region, endpoint and retries.
 *
 * Region: the `region` option, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`.
 * Credentials: the SDK's default chain (environment variables as set by
 * aws-actions/configure-aws-credentials, web identity, shared files, instance roles).
 * Endpoint: the SDK itself honours `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_S3`) and
 * `AWS_ENDPOINT_URL`. When one of them is set for S3, the S3 client uses path-style addressing
 * (`http://host:port/bucket/key`), which local and self-hosted S3 servers (MinIO, LocalStack, s3rver)
 * need; against AWS itself, virtual-hosted addressing stays the default.
 */

const DEFAULT_REGION = 'us-east-1';
/** The region a client should use. */
function awsRegion(options = {}) {
    const env = options.env ?? process.env;
    return nonEmpty(options.region) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
}
/**
 * The endpoint URL configured for a service through the environment (`AWS_ENDPOINT_URL_S3`, then
 * `AWS_ENDPOINT_URL`), as the SDK will use it; undefined when none is, or when
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` tells the SDK to ignore them.
 */
function configuredEndpoint(service, env = process.env) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    const suffix = service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return nonEmpty(env[`AWS_ENDPOINT_URL_${suffix}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}
/** An S3 client; path-style addressing when a custom endpoint is configured. */
function s3Client(options = {}) {
    const env = options.env ?? process.env;
    const custom = configuredEndpoint('S3', env) !== undefined;
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__/* .S3Client */ .YxF({
        region: awsRegion(options),
        maxAttempts: 3,
        ...(custom ? { forcePathStyle: true } : {}),
    });
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}


/***/ }),

/***/ 2447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ transientHint),
/* harmony export */   GZ: () => (/* binding */ isDenied),
/* harmony export */   UK: () => (/* binding */ s3Hint),
/* harmony export */   lH: () => (/* binding */ s3Error)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5890);
/**
 * S3 failures as one line naming the s3:// URI: a ServiceError with S3's error code and message and
 * what to check (the key, the bucket, the credentials and the IAM permission the action needs, the
 * endpoint, a server lacking conditional writes); an EnvironmentError when no AWS credentials are
 * configured at all. Used by the ObjectStore (s3-store.ts) and the registry's S3 objects (s3-objects.ts).
 */


const WHAT = { read: 'cannot read the object', list: 'cannot list the objects', write: 'cannot write the object' };
/** An SDK or network failure as a one-line error naming the URI; `hint` words the advice for its caller. */
function s3Error(error, uri, action, hint = s3Hint) {
    if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isCd4mlError */ .Do)(error))
        return error;
    const what = WHAT[action];
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .lacksCredentials */ .f9)(error))
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG(`${uri}: ${what}: ${_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NO_CREDENTIALS */ .zw}`);
    const status = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    let code = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) ?? 'Error';
    // A HEAD response has no body, so S3's error code is missing: name it from the status.
    if ((code === 'Unknown' || code === 'UnknownError') && status !== undefined)
        code = STATUS_NAMES.get(status) ?? code;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(`${uri}: ${what} (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m2)(error, code)}); ${hint(code, status, action)}`, { cause: error });
}
const STATUS_NAMES = new Map([
    [400, 'BadRequest'],
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [500, 'InternalError'],
    [503, 'ServiceUnavailable'],
]);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);
/** S3 refused the credentials or the request (the IAM or bucket policy). */
function isDenied(code, status) {
    return DENIED.has(code) || status === 403;
}
/** The advice of the s3:// URIs the user names (data sources and the s3:// registry). */
function s3Hint(code, status, action) {
    const write = action === 'write';
    if (code === 'NoSuchBucket')
        return write ? 'check the bucket name in the registry URI' : 'check the bucket name';
    if (isDenied(code, status)) {
        const permission = write ? 's3:PutObject (and s3:GetObject, which conditional writes need)' : action === 'list' ? 's3:ListBucket' : 's3:GetObject';
        return `check the AWS credentials, and that the IAM and bucket policies allow ${permission}`;
    }
    if (write) {
        if (code === 'NotImplemented' || status === 501) {
            return 'the S3 server does not implement a request the registry needs (conditional writes with If-None-Match / If-Match, or multipart uploads); use Amazon S3 or a server that does';
        }
        if (code === 'BadDigest' || code === 'InvalidDigest' || /checksum/i.test(code)) {
            return 'the uploaded bytes did not match their SHA-256; check that nothing writes to the file while it is registered, and run again';
        }
        if (code === 'EntityTooLarge')
            return 'the file is larger than S3 accepts in one request; lower the multipart threshold';
    }
    else if (code === 'NoSuchKey' || code === 'NotFound' || status === 404) {
        return 'check the bucket and key';
    }
    return transientHint(code, status) ?? (write ? 'check the registry URI and the AWS credentials' : 'check the URI and the AWS credentials');
}
/** The advice for a network failure or an S3 failure on its side; undefined for anything else. */
function transientHint(code, status) {
    if (_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NETWORK_CODES */ .Co.has(code))
        return 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
    if (status !== undefined && status >= 500)
        return 'S3 failed on its side; try again later';
    return undefined;
}


/***/ }),

/***/ 2002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NY: () => (/* binding */ S3Objects),
/* harmony export */   hy: () => (/* binding */ keySuffix),
/* harmony export */   tT: () => (/* binding */ s3Uri)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3711);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _core_map_limit_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3075);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7253);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5890);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2447);
/**
 * The S3 object operations the registries share (the s3:// registry storage and the artifacts of the
 * sagemaker:// registry), and the listing of the ObjectStore:
 * - `upload` streams a local file from disk after checking it still has the size it was hashed at:
 *   one PutObject carrying the file's SHA-256 (`x-amz-checksum-sha256`, so S3 refuses a body that
 *   does not match it) up to `multipartThreshold`, a multipart upload above it (a single PutObject
 *   stops at 5 GiB), each part with its own SHA-256. The SDK never retries a request whose body is a
 *   stream, so transient failures (5xx, throttling, a dropped connection) are retried here, with a
 *   fresh stream, up to 3 tries; a failed multipart upload is aborted.
 * - `put` writes bytes in one PutObject with their SHA-256, optionally as a conditional write
 *   (`If-None-Match: *` or `If-Match: <ETag>`): S3 answers 412 PreconditionFailed when the condition
 *   does not hold, 409 ConditionalRequestConflict when two conditional writes race, and 404 NoSuchKey
 *   when an `If-Match` object has meanwhile gone; all three mean "another writer came first", and
 *   `put` returns false.
 * - `read` gives an object's bytes; `readIfPresent` its bytes and ETag, or undefined when there is no
 *   such object; `download` streams it to a temporary file beside the destination, renamed over it
 *   once complete.
 * - `keys` lists the keys under a prefix, `folders` the names of the "folders" right under it.
 *
 * Complexity: one request per object read or written (one per part above the threshold, at most 4
 * parts at once), one per 1000 keys listed.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket (s3:AbortMultipartUpload too when files exceed
 * the multipart threshold).
 */











const MiB = 1024 * 1024;
const SINGLE_PUT_LIMIT = 5 * 1024 * MiB;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;
/** Parts of one multipart upload sent at once. */
const PARTS_AT_ONCE = 4;
/** Tries of one upload (the SDK never retries a request whose body is a stream). */
const UPLOAD_ATTEMPTS = 3;
function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
class S3Objects {
    client;
    threshold;
    partSize;
    hint;
    /** `client` is called for each request, so a caller can build its client lazily. */
    constructor(client, options = {}) {
        this.client = client;
        this.threshold = Math.min(options.multipartThreshold ?? 256 * MiB, SINGLE_PUT_LIMIT);
        this.partSize = Math.max(options.partSize ?? 64 * MiB, MIN_PART_SIZE);
        this.hint = options.hint ?? _s3_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .s3Hint */ .UK;
    }
    /** Uploads a local file, streamed, refusing it when its size changed since it was hashed. */
    async upload(bucket, key, file) {
        let size;
        try {
            size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file.file)).size;
        }
        catch (error) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${file.path}: cannot read ${file.file} (${error.code ?? error.message}); check that the file exists and is readable.`);
        }
        if (size !== file.size) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${file.path}: ${file.file} is ${size} bytes now but was ${file.size} when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
        }
        if (size > this.threshold) {
            await this.uploadInParts(bucket, key, file.file, size);
            return;
        }
        try {
            await withFreshStream(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file.file), (body) => this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: size,
                ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
                ContentType: contentType(key),
            })));
        }
        catch (error) {
            throw this.error(error, s3Uri(bucket, key), 'write');
        }
    }
    /** Writes bytes in one request; with a condition, false when it did not hold (another writer came first). */
    async put(bucket, key, body, condition) {
        try {
            await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: body.length,
                ContentType: contentType(key),
                ChecksumSHA256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('base64'),
                ...condition,
            }));
            return true;
        }
        catch (error) {
            if (condition !== undefined && conditionFailed(error, condition))
                return false;
            throw this.error(error, s3Uri(bucket, key), 'write');
        }
    }
    /** The bytes of an object that must exist (unchecked: the caller checks a sha256 it knows). */
    async read(bucket, key) {
        try {
            return (await this.get(bucket, key)).bytes;
        }
        catch (error) {
            throw this.error(error, s3Uri(bucket, key), 'read');
        }
    }
    /** The bytes and ETag of an object; undefined when there is no such object. */
    async readIfPresent(bucket, key) {
        try {
            return await this.get(bucket, key);
        }
        catch (error) {
            if (isMissingObject(error))
                return undefined;
            throw this.error(error, s3Uri(bucket, key), 'read');
        }
    }
    /** Streams an object to `destination` through a temporary file beside it (unchecked, as `read`). */
    async download(bucket, key, destination) {
        const uri = s3Uri(bucket, key);
        const directory = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(destination);
        const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(directory, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(destination)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.part`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(directory, { recursive: true });
        }
        catch (error) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${destination}: cannot create ${directory} (${error.code ?? error.message}); check that it is writable.`);
        }
        let body;
        try {
            const output = await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
            if (output.Body === undefined)
                throw noBody(uri);
            body = output.Body;
        }
        catch (error) {
            throw this.error(error, uri, 'read');
        }
        const output = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary);
        let local;
        output.on('error', (error) => (local ??= error));
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(body, output);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, destination).catch((error) => {
                local = error;
                throw error;
            });
        }
        catch (error) {
            body.destroy();
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temporary, { force: true }).catch(() => undefined);
            if (local !== undefined) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${destination}: cannot write the download of ${uri} (${local.code ?? local.message}); check that the directory is writable and has space.`);
            }
            throw this.error(error, uri, 'read');
        }
    }
    /** The keys under `prefix`, sorted. */
    async keys(bucket, prefix) {
        return (await this.list(bucket, prefix, undefined)).keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    /** The names of the folders right under `prefix` (which ends with `/` or is empty): `<prefix><name>/…`. */
    async folders(bucket, prefix) {
        const { prefixes } = await this.list(bucket, prefix, '/');
        return prefixes.map((folder) => folder.slice(prefix.length, -1)).filter((name) => name !== '');
    }
    async list(bucket, prefix, delimiter) {
        const keys = [];
        const prefixes = [];
        let token;
        do {
            let page;
            try {
                page = await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .ListObjectsV2Command */ .u6x({
                    Bucket: bucket,
                    Prefix: prefix,
                    ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
                    ...(token === undefined ? {} : { ContinuationToken: token }),
                }));
            }
            catch (error) {
                throw this.error(error, s3Uri(bucket, prefix), 'list');
            }
            for (const object of page.Contents ?? [])
                if (object.Key !== undefined)
                    keys.push(object.Key);
            for (const common of page.CommonPrefixes ?? [])
                if (common.Prefix !== undefined)
                    prefixes.push(common.Prefix);
            token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        return { keys, prefixes };
    }
    async get(bucket, key) {
        const output = await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
        if (output.Body === undefined)
            throw noBody(s3Uri(bucket, key));
        return { bytes: await output.Body.transformToByteArray(), etag: output.ETag };
    }
    async uploadInParts(bucket, key, path, size) {
        const uri = s3Uri(bucket, key);
        const part = Math.max(this.partSize, Math.ceil(size / MAX_PARTS));
        let uploadId;
        try {
            uploadId = (await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .CreateMultipartUploadCommand */ .nG4({ Bucket: bucket, Key: key, ContentType: contentType(key), ChecksumAlgorithm: 'SHA256' }))).UploadId;
            if (uploadId === undefined)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(`${uri}: cannot write the object (CreateMultipartUpload returned no upload id); check the S3 endpoint.`);
            const id = uploadId;
            const count = Math.ceil(size / part);
            const parts = await (0,_core_map_limit_js__WEBPACK_IMPORTED_MODULE_10__/* .mapLimit */ .s)(Array.from({ length: count }, (_, index) => index), PARTS_AT_ONCE, async (index) => {
                const start = index * part;
                const end = start + Math.min(part, size - start) - 1;
                // Each part carries its own SHA-256, so S3 refuses a damaged part (and the SDK sends the body
                // plainly instead of in aws-chunked framing, which not every S3-compatible server decodes).
                const checksum = await sha256Range(path, start, end);
                const output = await withFreshStream(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { start, end }), (body) => this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .UploadPartCommand */ .iVK({ Bucket: bucket, Key: key, UploadId: id, PartNumber: index + 1, Body: body, ContentLength: end - start + 1, ChecksumSHA256: checksum })));
                return { PartNumber: index + 1, ChecksumSHA256: checksum, ...(output.ETag === undefined ? {} : { ETag: output.ETag }) };
            });
            await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .CompleteMultipartUploadCommand */ .Gym({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));
        }
        catch (error) {
            if (uploadId !== undefined) {
                // Leave no invisible, billed parts behind; a failure to abort changes nothing for the caller.
                await this.client().send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_9__/* .AbortMultipartUploadCommand */ .tfP({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
            }
            throw this.error(error, uri, 'write');
        }
    }
    error(error, uri, action) {
        return (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .s3Error */ .lH)(error, uri, action, this.hint);
    }
}
/** A file's path inside a version as a key suffix: relative, `/`-separated, with no empty, `.` or `..` parts. */
function keySuffix(path, owner) {
    const parts = path.split('/');
    if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${owner}: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
    }
    return path;
}
/** S3's "no such object" (a 404 other than a missing bucket). */
function isMissingObject(error) {
    const code = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorCode */ .CA)(error);
    return code === 'NoSuchKey' || ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .httpStatus */ .nG)(error) === 404 && code !== 'NoSuchBucket');
}
/** A conditional write refused because another writer came first. */
function conditionFailed(error, condition) {
    const code = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorCode */ .CA)(error);
    const status = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .httpStatus */ .nG)(error);
    if (code === 'PreconditionFailed' || status === 412)
        return true;
    if (code === 'ConditionalRequestConflict' || status === 409)
        return true;
    // If-Match on an object that was deleted since it was read.
    return 'IfMatch' in condition && code === 'NoSuchKey';
}
function noBody(uri) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(`${uri}: cannot read the object (the response has no body); check the S3 endpoint.`);
}
/**
 * Sends a request whose body streams from disk, opening a fresh stream for each try: the SDK does not
 * retry streaming requests itself, so a throttled, timed-out or dropped upload is retried here, with
 * jittered backoff, when S3 says the failure is transient.
 */
async function withFreshStream(open, send) {
    for (let attempt = 0;; attempt += 1) {
        const body = open();
        try {
            return await send(body);
        }
        catch (error) {
            if (attempt + 1 >= UPLOAD_ATTEMPTS || !isTransient(error))
                throw error;
        }
        finally {
            body.destroy();
        }
        await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy)((0,_core_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .backoffDelay */ .EY)(attempt, { baseMs: 250, maxMs: 5000 }));
    }
}
const TRANSIENT = new Set(['SlowDown', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'ThrottlingException', 'TooManyRequestsException']);
function isTransient(error) {
    if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isCd4mlError */ .Do)(error))
        return false;
    const status = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .httpStatus */ .nG)(error);
    const code = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorCode */ .CA)(error) ?? '';
    return (status !== undefined && (status >= 500 || status === 429)) || TRANSIENT.has(code) || _aws_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NETWORK_CODES */ .Co.has(code);
}
/** The base64 SHA-256 of bytes `start`..`end` (inclusive) of a file, streamed. */
async function sha256Range(path, start, end) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { start, end, highWaterMark: MiB }))
        hash.update(chunk);
    return hash.digest('base64');
}
function contentType(key) {
    if (key.endsWith('.json'))
        return 'application/json';
    if (key.endsWith('.md'))
        return 'text/markdown; charset=utf-8';
    return 'application/octet-stream';
}


/***/ }),

/***/ 7560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The one way the project builds a GitHub client: Octokit from @actions/github (honours
 * GITHUB_API_URL and the runner's proxy settings) with retries of transient failures and GitHub's
 * rate-limit rules (primary and secondary limits wait and retry, as GitHub asks integrators to).
 */



function createGitHubClient(token, options) {
    const { logger } = options;
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount < rateLimitRetries;
        logger.warning(`GitHub ${kind} rate limit hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`);
        return again;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: options.apiUrl,
        retry: { retries: options.retries ?? 3 },
        throttle: { enabled: options.throttle ?? true, onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
