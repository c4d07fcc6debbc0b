import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7087:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runScanningAction)
/* harmony export */ });
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_scan_scan_worker_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7143);
/**
 * The entry of an action that scans data: its bundle is also the script of the scan worker threads
 * (a worker started on it scans a byte range of a large CSV); on the main thread the action runs,
 * with spare workers started while it loads.
 */


async function runScanningAction(entryUrl, load) {
    if ((0,_core_scan_scan_worker_js__WEBPACK_IMPORTED_MODULE_1__/* .isScanWorker */ .WJ)()) {
        await (0,_core_scan_scan_worker_js__WEBPACK_IMPORTED_MODULE_1__/* .runScanWorker */ .fR)();
        return;
    }
    (0,_core_scan_scan_worker_js__WEBPACK_IMPORTED_MODULE_1__/* .useWorkerScript */ .dO)((0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(entryUrl));
    const { runAction } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(421), __nccwpck_require__.e(580)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4580));
    const { metadata, main } = await load();
    await runAction(metadata, main);
}


/***/ }),

/***/ 2265:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _scan_entry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7087);

await (0,_scan_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .runScanningAction */ .F)(import.meta.url, async () => ({ ...(await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(419)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3419))), ...(await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(815), __nccwpck_require__.e(715), __nccwpck_require__.e(523)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9523))) }));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8118:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ NULL),
/* harmony export */   E: () => (/* binding */ classifyBytes),
/* harmony export */   E2: () => (/* binding */ transientText),
/* harmony export */   Ie: () => (/* binding */ cellText),
/* harmony export */   Jx: () => (/* binding */ BOOLEAN),
/* harmony export */   No: () => (/* binding */ newCell),
/* harmony export */   Rp: () => (/* binding */ NOTHING_DECODED),
/* harmony export */   Ws: () => (/* binding */ classifyValue),
/* harmony export */   a$: () => (/* binding */ TEXT),
/* harmony export */   cD: () => (/* binding */ DATETIME),
/* harmony export */   uk: () => (/* binding */ NUMBER),
/* harmony export */   vH: () => (/* binding */ DATE),
/* harmony export */   vh: () => (/* binding */ INTEGER),
/* harmony export */   wg: () => (/* binding */ EMPTY)
/* harmony export */ });
/* unused harmony exports KIND_NAMES, NULL_MARKERS, daysFromCivil, codePointLength */
/**
 * What a cell holds, read from its text the way a data engineer reads a CSV: one classification per
 * cell, straight from the bytes (no string is made for numbers, dates or booleans).
 *
 * - null: an unquoted empty field, or an unquoted null marker (NULL_MARKERS). A quoted field is never
 *   null: `""` is an empty string and `"NA"` is the text NA.
 * - empty: the empty string (`""` in CSV, `""` in JSON).
 * - integer: `[+-]?digits` (leading zeros allowed); number: a decimal with a fraction and/or exponent.
 *   Values are parsed exactly when they have at most 15 significant digits and a small exponent
 *   (Clinger's fast path); other numerals go through Number().
 * - boolean: true/false in any letter case.
 * - date: `YYYY-MM-DD`; datetime: a date, `T` or a space, `HH:MM`, optional `:SS` and fraction, and an
 *   optional `Z` or `±HH:MM`/`±HHMM` offset. Both carry their instant as epoch milliseconds (UTC when no
 *   offset is given); impossible dates (2023-02-29) are text.
 * - text: anything else.
 *
 * Complexity: O(length of the field), no allocation.
 */
const NULL = 0;
const EMPTY = 1;
const INTEGER = 2;
const NUMBER = 3;
const BOOLEAN = 4;
const DATE = 5;
const DATETIME = 6;
const TEXT = 7;
const KIND_NAMES = (/* unused pure expression or super */ null && (['null', 'empty', 'integer', 'number', 'boolean', 'date', 'datetime', 'text']));
/** Unquoted field values read as null (besides the empty field), as most CSV writers emit them. */
const NULL_MARKERS = ['NA', 'N/A', 'NaN', 'nan', 'NULL', 'null', 'None'];
const MARKER_BYTES = NULL_MARKERS.map((marker) => Buffer.from(marker, 'latin1'));
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Cell.decodedFrom when nothing is decoded (a buffer no cell is in). */
const NOTHING_DECODED = Buffer.alloc(0);
function newCell() {
    return { kind: NULL, value: 0, buffer: Buffer.alloc(0), start: 0, end: 0, decodedFrom: NOTHING_DECODED, decoded: '', decodedBase: 0 };
}
/** The null markers' bytes packed into one number each (first byte lowest; exact up to 6 bytes), by length. */
const LONGEST_MARKER = Math.max(...MARKER_BYTES.map((marker) => marker.length));
const PACKED_MARKERS = Array.from({ length: LONGEST_MARKER + 1 }, () => []);
for (const marker of MARKER_BYTES)
    PACKED_MARKERS[marker.length].push(marker.reduceRight((packed, byte) => packed * 256 + byte, 0));
/** 1 for the bytes a null marker starts with. */
const MARKER_FIRST_BYTES = new Uint8Array(256);
for (const marker of MARKER_BYTES)
    MARKER_FIRST_BYTES[marker[0]] = 1;
function isNullMarker(buffer, start, end) {
    const length = end - start;
    if (length > LONGEST_MARKER || MARKER_FIRST_BYTES[buffer[start]] === 0)
        return false;
    let packed = 0;
    for (let i = end - 1; i >= start; i -= 1)
        packed = packed * 256 + buffer[i];
    const markers = PACKED_MARKERS[length];
    for (let i = 0; i < markers.length; i += 1)
        if (markers[i] === packed)
            return true;
    return false;
}
/** Classifies bytes [start, end) of `buffer` into `cell` (quoted: the field was in quotes). */
function classifyBytes(cell, buffer, start, end, quoted) {
    cell.buffer = buffer;
    cell.start = start;
    cell.end = end;
    if (start === end) {
        cell.kind = quoted ? EMPTY : NULL;
        return;
    }
    const first = buffer[start];
    if (first >= 0x30 && first <= 0x39) {
        // A dash after four digits: a date (or text); no numeral has one there but `123e-4…`.
        if (end - start >= 10 && buffer[start + 4] === 0x2d) {
            if (parseDateTime(cell, buffer, start, end) || parseNumeral(cell, buffer, start, end))
                return;
        }
        else if (parseNumeral(cell, buffer, start, end)) {
            return;
        }
    }
    else if (first === 0x2d || first === 0x2b || first === 0x2e) {
        if (parseNumeral(cell, buffer, start, end))
            return;
    }
    else if (!quoted && isNullMarker(buffer, start, end)) {
        cell.kind = NULL;
        return;
    }
    else if (isBoolean(cell, buffer, start, end)) {
        return;
    }
    cell.kind = TEXT;
}
function isBoolean(cell, buffer, start, end) {
    const length = end - start;
    if (length === 4) {
        if ((buffer[start] | 0x20) === 0x74 && (buffer[start + 1] | 0x20) === 0x72 && (buffer[start + 2] | 0x20) === 0x75 && (buffer[start + 3] | 0x20) === 0x65) {
            cell.kind = BOOLEAN;
            cell.value = 1;
            return true;
        }
    }
    else if (length === 5) {
        if ((buffer[start] | 0x20) === 0x66 &&
            (buffer[start + 1] | 0x20) === 0x61 &&
            (buffer[start + 2] | 0x20) === 0x6c &&
            (buffer[start + 3] | 0x20) === 0x73 &&
            (buffer[start + 4] | 0x20) === 0x65) {
            cell.kind = BOOLEAN;
            cell.value = 0;
            return true;
        }
    }
    return false;
}
/** `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`; sets INTEGER or NUMBER. */
function parseNumeral(cell, buffer, start, end) {
    // Up to 15 characters without an exponent, the common case: at most 15 digits, exact as they come.
    if (end - start <= 15) {
        let i = start;
        const sign = buffer[i];
        if (sign === 0x2d || sign === 0x2b)
            i += 1;
        const digitsStart = i;
        let mantissa = 0;
        let d = 0;
        while (i < end && (d = buffer[i] - 0x30) >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i += 1;
        }
        let digits = i - digitsStart;
        let fraction = -1;
        if (i < end && buffer[i] === 0x2e) {
            i += 1;
            const fractionStart = i;
            while (i < end && (d = buffer[i] - 0x30) >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i += 1;
            }
            fraction = i - fractionStart;
            digits += fraction;
        }
        if (i === end) {
            if (digits === 0)
                return false;
            let value = fraction <= 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
            if (sign === 0x2d)
                value = -value;
            cell.kind = fraction < 0 ? INTEGER : NUMBER;
            cell.value = value === 0 ? 0 : value; // no -0
            return true;
        }
        if (buffer[i] !== 0x65 && buffer[i] !== 0x45)
            return false;
    }
    let i = start;
    let negative = false;
    const sign = buffer[i];
    if (sign === 0x2d || sign === 0x2b) {
        negative = sign === 0x2d;
        i += 1;
    }
    let mantissa = 0;
    let significant = 0;
    let digits = 0;
    let scale = 0;
    while (i < end) {
        const d = buffer[i] - 0x30;
        if (d < 0 || d > 9)
            break;
        if (significant < 15) {
            mantissa = mantissa * 10 + d;
            if (mantissa !== 0)
                significant += 1;
        }
        else {
            scale += 1;
            significant += 1;
        }
        digits += 1;
        i += 1;
    }
    let integral = true;
    if (i < end && buffer[i] === 0x2e) {
        integral = false;
        i += 1;
        while (i < end) {
            const d = buffer[i] - 0x30;
            if (d < 0 || d > 9)
                break;
            if (significant < 15) {
                mantissa = mantissa * 10 + d;
                scale -= 1;
                if (mantissa !== 0)
                    significant += 1;
            }
            else {
                significant += 1;
            }
            digits += 1;
            i += 1;
        }
    }
    if (digits === 0)
        return false;
    let exponent = 0;
    if (i < end && (buffer[i] === 0x65 || buffer[i] === 0x45)) {
        integral = false;
        i += 1;
        let negativeExponent = false;
        if (i < end && (buffer[i] === 0x2d || buffer[i] === 0x2b)) {
            negativeExponent = buffer[i] === 0x2d;
            i += 1;
        }
        const first = i;
        while (i < end) {
            const d = buffer[i] - 0x30;
            if (d < 0 || d > 9)
                break;
            if (exponent < 100000)
                exponent = exponent * 10 + d;
            i += 1;
        }
        if (i === first)
            return false;
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i !== end)
        return false;
    const power = scale + exponent;
    let value;
    if (significant <= 15 && power >= -22 && power <= 22) {
        value = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
        if (negative)
            value = -value;
    }
    else {
        value = Number(buffer.toString('latin1', start, end));
    }
    if (!Number.isFinite(value))
        return false;
    cell.kind = integral ? INTEGER : NUMBER;
    cell.value = value === 0 ? 0 : value; // no -0
    return true;
}
function twoDigits(buffer, at) {
    const a = buffer[at] - 0x30;
    const b = buffer[at + 1] - 0x30;
    if (a < 0 || a > 9 || b < 0 || b > 9)
        return -1;
    return a * 10 + b;
}
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function parseDateTime(cell, buffer, start, end) {
    const length = end - start;
    if (length < 10 || buffer[start + 4] !== 0x2d || buffer[start + 7] !== 0x2d)
        return false;
    const century = twoDigits(buffer, start);
    const yy = twoDigits(buffer, start + 2);
    const month = twoDigits(buffer, start + 5);
    const day = twoDigits(buffer, start + 8);
    if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1)
        return false;
    const year = century * 100 + yy;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]))
        return false;
    const days = daysFromCivil(year, month, day);
    if (length === 10) {
        cell.kind = DATE;
        cell.value = days * 86_400_000;
        return true;
    }
    const separator = buffer[start + 10];
    if ((separator !== 0x54 && separator !== 0x20) || length < 16 || buffer[start + 13] !== 0x3a)
        return false;
    const hour = twoDigits(buffer, start + 11);
    const minute = twoDigits(buffer, start + 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return false;
    let i = start + 16;
    let second = 0;
    let millis = 0;
    if (i < end && buffer[i] === 0x3a) {
        if (i + 3 > end)
            return false;
        second = twoDigits(buffer, i + 1);
        if (second < 0 || second > 60)
            return false;
        i += 3;
        if (i < end && (buffer[i] === 0x2e || buffer[i] === 0x2c)) {
            i += 1;
            let scale = 100;
            const first = i;
            while (i < end) {
                const d = buffer[i] - 0x30;
                if (d < 0 || d > 9)
                    break;
                millis += d * scale;
                scale /= 10;
                i += 1;
            }
            if (i === first)
                return false;
        }
    }
    let offsetMinutes = 0;
    if (i < end) {
        const zone = buffer[i];
        if (zone === 0x5a || zone === 0x7a) {
            i += 1;
        }
        else if (zone === 0x2b || zone === 0x2d) {
            const hours = twoDigits(buffer, i + 1);
            if (i + 3 > end || hours < 0 || hours > 23)
                return false;
            i += 3;
            if (i < end && buffer[i] === 0x3a)
                i += 1;
            const minutes = i + 2 <= end ? twoDigits(buffer, i) : -1;
            if (minutes < 0 || minutes > 59)
                return false;
            i += 2;
            offsetMinutes = (hours * 60 + minutes) * (zone === 0x2d ? -1 : 1);
        }
    }
    if (i !== end)
        return false;
    cell.kind = DATETIME;
    cell.value = days * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + Math.floor(millis);
    return true;
}
const TRUE_TEXT = Buffer.from('true');
const FALSE_TEXT = Buffer.from('false');
/**
 * Classifies a typed value (JSON Lines, Parquet) into `cell`. Text is written into `scratch` (grown as
 * needed and returned) and classified as a quoted CSV field would be: never a null marker.
 */
function classifyValue(cell, value, scratch) {
    if (value === null || value === undefined) {
        cell.kind = NULL;
        cell.start = cell.end = 0;
        return scratch;
    }
    if (typeof value === 'number') {
        if (Number.isNaN(value)) {
            cell.kind = NULL;
            return scratch;
        }
        const text = String(value);
        scratch = ensure(scratch, text.length);
        const length = scratch.write(text, 0, 'latin1');
        cell.buffer = scratch;
        cell.start = 0;
        cell.end = length;
        // ±Infinity is text, as 1e400 in a CSV file is: no statistic or bound can take it.
        cell.kind = !Number.isFinite(value) ? TEXT : Number.isInteger(value) && !/[.e]/.test(text) ? INTEGER : NUMBER;
        cell.value = value === 0 ? 0 : value;
        return scratch;
    }
    if (typeof value === 'boolean') {
        const text = value ? TRUE_TEXT : FALSE_TEXT;
        cell.kind = BOOLEAN;
        cell.value = value ? 1 : 0;
        cell.buffer = text;
        cell.start = 0;
        cell.end = text.length;
        return scratch;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    scratch = ensure(scratch, text.length * 3);
    const length = scratch.write(text, 0, 'utf8');
    classifyBytes(cell, scratch, 0, length, true);
    return scratch;
}
function ensure(scratch, bytes) {
    return scratch.length >= bytes ? scratch : Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2, 256));
}
/** Unicode code points in UTF-8 bytes [start, end): bytes that are not continuation bytes. */
function codePointLength(buffer, start, end) {
    let count = 0;
    for (let i = start; i < end; i += 1)
        if ((buffer[i] & 0xc0) !== 0x80)
            count += 1;
    return count;
}
/** The cell's text as written (numbers as their shortest text for typed values). */
function cellText(cell) {
    return cell.buffer.toString('utf8', cell.start, cell.end);
}
/**
 * cellText for a test that does not keep the string: a slice of the already decoded text when there
 * is one (it may share that text's memory, so it is not for keeping).
 */
function transientText(cell) {
    if (cell.decodedFrom === cell.buffer)
        return cell.decoded.slice(cell.start - cell.decodedBase, cell.end - cell.decodedBase);
    return cell.buffer.toString('utf8', cell.start, cell.end);
}


/***/ }),

/***/ 7280:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vl: () => (/* binding */ delimiterOf),
  Nb: () => (/* binding */ readCsv),
  km: () => (/* binding */ readCsvHeader),
  Mj: () => (/* binding */ readCsvRange)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
;// CONCATENATED MODULE: ./src/core/data/csv-tokenizer.ts
/**
 * A byte-level, streaming CSV/TSV tokenizer (RFC 4180): quoted fields with `""` escapes and
 * embedded delimiters and newlines, LF or CRLF line ends, an optional UTF-8 BOM, any one-byte
 * delimiter. It works on the bytes as read (1 MiB chunks), hands each row to a sink as byte ranges
 * into the current buffer — no string per field unless the sink asks for one — and keeps only the
 * unfinished last row between chunks, so memory does not grow with the file. A reader that leaves
 * room in front of each chunk (pushInPlace) gets that row put back there, so no chunk is copied.
 *
 * Complexity: O(n) in the input bytes, one pass; O(longest row) extra memory.
 *
 * Errors are one line with the physical line number: an unterminated quote, a character after a
 * closing quote, invalid UTF-8 (checked per chunk with buffer.isUtf8).
 */


const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Fields gathered before a batch is handed over (more when a row needs them). */
const BATCH_FIELDS = 8192;
/** Bytes that end an unquoted field: the delimiter, LF and CR (1), per byte value. */
function fieldEnds(delimiter) {
    const table = new Uint8Array(256);
    table[delimiter] = 1;
    table[LF] = 1;
    table[CR] = 1;
    return table;
}
class CsvTokenizer {
    sink;
    options;
    delimiter;
    ends;
    /** The largest byte that ends a field: most bytes are larger and need no table lookup. */
    lastEnd;
    /** The unfinished last row of the input so far: leftoverBytes[0, leftoverLength). */
    leftoverBytes = Buffer.alloc(0);
    leftoverLength = 0;
    /** Line number of the first byte of the leftover. */
    line;
    /** Stream offset of the first byte of the leftover. */
    base;
    first;
    halted = false;
    /** The row handed to the sink; its field arrays are the tokenizer's working storage. */
    view;
    /** Batch mode: where rows go, rows starting at or after `stop` end the input, and the batch being gathered. */
    batchSink = null;
    stop = Infinity;
    batch;
    /** Rows gathered in the batch so far. */
    gathered = 0;
    constructor(sink, options) {
        this.sink = sink;
        this.options = options;
        if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 0x7f || /["\r\n]/.test(options.delimiter)) {
            throw new errors/* InputError */.dz(`The CSV delimiter must be one ASCII character other than a quote or a line break, not ${JSON.stringify(options.delimiter)}.`);
        }
        this.delimiter = options.delimiter.charCodeAt(0);
        this.ends = fieldEnds(this.delimiter);
        this.lastEnd = Math.max(this.delimiter, LF, CR);
        this.base = options.offset ?? 0;
        this.line = options.line ?? 1;
        this.first = this.base === 0;
        this.view = {
            buffer: Buffer.alloc(0),
            count: 0,
            starts: new Int32Array(64),
            ends: new Int32Array(64),
            quoting: new Uint8Array(64),
            line: 1,
            offset: 0,
            text(index) {
                const text = this.buffer.toString('utf8', this.starts[index], this.ends[index]);
                return this.quoting[index] === 2 ? text.replaceAll('""', '"') : text;
            },
        };
        this.batch = {
            buffer: this.view.buffer,
            rows: 0,
            rowStarts: new Int32Array(0),
            lines: new Float64Array(0),
            offsets: new Float64Array(0),
            starts: this.view.starts,
            ends: this.view.ends,
            quoting: this.view.quoting,
        };
    }
    /**
     * Switches to batch mode (from the next row on, so a reader can take a header row first): rows go
     * to `sink` many at a time, straight from the tokenizer's field arrays, and a row starting at or
     * after `stop` ends the input as a row sink returning false would.
     */
    batchRows(sink, stop = Infinity) {
        this.batchSink = sink;
        this.stop = stop;
        const rows = BATCH_FIELDS + 1;
        this.batch.rowStarts = new Int32Array(rows + 1);
        this.batch.lines = new Float64Array(rows);
        this.batch.offsets = new Float64Array(rows);
        while (this.view.starts.length < BATCH_FIELDS * 2)
            this.grow();
    }
    /** Hands over the rows gathered so far (batch mode). */
    deliver() {
        const batch = this.batch;
        if (this.gathered === 0)
            return;
        batch.rows = this.gathered;
        this.gathered = 0;
        batch.buffer = this.view.buffer;
        batch.starts = this.view.starts;
        batch.ends = this.view.ends;
        batch.quoting = this.view.quoting;
        this.batchSink.csvBatch(batch);
    }
    /** True once the sink returned false; later input is ignored. */
    get stopped() {
        return this.halted;
    }
    /** Stream offset just past the rows consumed so far (where the sink stopped, once stopped). */
    get position() {
        return this.base;
    }
    /** Line number at `position`. */
    get currentLine() {
        return this.line;
    }
    /** Feeds the next chunk of bytes (the tokenizer keeps no reference to it after the call). */
    push(chunk) {
        if (this.halted)
            return;
        if (this.leftoverLength === 0) {
            this.feed(chunk, 0, chunk.length);
            return;
        }
        const joined = Buffer.allocUnsafe(this.leftoverLength + chunk.length);
        this.leftoverBytes.copy(joined, 0, 0, this.leftoverLength);
        chunk.copy(joined, this.leftoverLength);
        this.leftoverLength = 0;
        this.feed(joined, 0, joined.length);
    }
    /**
     * Feeds bytes [start, end) of `buffer` as the next chunk, where `buffer[0, start)` is space the
     * tokenizer may overwrite: the unfinished row from the previous chunk is copied there when it fits,
     * so a reader that leaves room in front of each chunk spares copying the chunk itself.
     */
    pushInPlace(buffer, start, end) {
        if (this.halted)
            return;
        const carried = this.leftoverLength;
        if (carried > start) {
            this.push(buffer.subarray(start, end));
            return;
        }
        if (carried > 0)
            this.leftoverBytes.copy(buffer, start - carried, 0, carried);
        this.leftoverLength = 0;
        this.feed(buffer, start - carried, end);
    }
    /** Ends the input: the last row may lack a final line break. */
    end() {
        if (this.leftoverLength > 0 && !this.halted) {
            const rest = this.leftoverBytes.subarray(0, this.leftoverLength);
            this.leftoverLength = 0;
            this.checkUtf8(rest, 0, rest.length, this.line);
            this.base += this.scan(rest, 0, rest.length, true);
        }
    }
    /** Scans buffer[begin, end) (the leftover, if any, already in front) and keeps the unfinished rest. */
    feed(buffer, begin, end) {
        if (this.first) {
            const length = end - begin;
            if (length < BOM.length && BOM.subarray(0, length).equals(buffer.subarray(begin, end))) {
                this.keep(buffer, begin, end); // could still be a BOM: wait for more bytes
                return;
            }
            this.first = false;
            if (length >= BOM.length && buffer[begin] === BOM[0] && buffer[begin + 1] === BOM[1] && buffer[begin + 2] === BOM[2]) {
                begin += BOM.length;
                this.base += BOM.length;
            }
        }
        const firstLine = this.line;
        const consumed = this.scan(buffer, begin, end, false);
        this.checkUtf8(buffer, begin, consumed, firstLine);
        this.base += consumed - begin;
        if (!this.halted)
            this.keep(buffer, consumed, end);
    }
    /** Copies buffer[start, end) into the leftover store. */
    keep(buffer, start, end) {
        const length = end - start;
        if (this.leftoverBytes.length < length)
            this.leftoverBytes = Buffer.allocUnsafe(Math.max(length, this.leftoverBytes.length * 2, 4096));
        buffer.copy(this.leftoverBytes, 0, start, end);
        this.leftoverLength = length;
    }
    /** Complete rows end at line breaks, so bytes [start, end) never end inside a character. */
    checkUtf8(buffer, start, end, firstLine) {
        if (end <= start)
            return;
        const bytes = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
        if (!(0,external_node_buffer_.isUtf8)(bytes)) {
            const text = bytes.toString('utf8');
            const bad = text.indexOf('\uFFFD');
            const line = firstLine + (text.slice(0, Math.max(0, bad)).match(/\n/g)?.length ?? 0);
            throw new errors/* InputError */.dz(`${this.options.source}: invalid UTF-8 near line ${line}; save the file as UTF-8 and try again.`);
        }
    }
    grow() {
        const view = this.view;
        const size = view.starts.length * 2;
        const starts = new Int32Array(size);
        const ends = new Int32Array(size);
        const quoting = new Uint8Array(size);
        starts.set(view.starts);
        ends.set(view.ends);
        quoting.set(view.quoting);
        view.starts = starts;
        view.ends = ends;
        view.quoting = quoting;
    }
    /**
     * Emits every complete row of buffer[begin, length) and returns the index just past the last row
     * consumed; the rest is an unfinished row kept for the next chunk. With `final`, the rest is a last
     * row even without a line break. Blank lines are skipped (a line holding `""` is a row with one
     * empty field). When the sink returns false (or, in batch mode, a row starts at or after `stop`),
     * the bytes before that row are consumed and scanning halts. Row offsets count from `base` at
     * `begin`. In batch mode the rows gathered are handed over before returning or throwing, so they
     * reach the sink before any error found after them, as rows handed over one by one would.
     */
    scan(buffer, begin, length, final) {
        try {
            return this.scanRows(buffer, begin, length, final);
        }
        finally {
            if (this.batchSink !== null)
                this.deliver();
        }
    }
    scanRows(buffer, begin, length, final) {
        const delimiter = this.delimiter;
        const ends = this.ends;
        const lastEnd = this.lastEnd;
        const view = this.view;
        const batch = this.batch;
        const offsetBase = this.base - begin;
        view.buffer = buffer;
        let starts = view.starts;
        let fieldEnds = view.ends;
        let quoting = view.quoting;
        let capacity = starts.length;
        let position = begin;
        /** Fields gathered (batch mode: of every row in the batch), and the first field of this row. */
        let count = 0;
        let rowFirst = 0;
        let rowStart = begin;
        let line = this.line;
        let rowLine = line;
        let firstQuoted = false;
        for (;;) {
            if (count === capacity) {
                this.grow();
                starts = view.starts;
                fieldEnds = view.ends;
                quoting = view.quoting;
                capacity = starts.length;
            }
            let fieldEnd;
            if (position < length && buffer[position] === QUOTE) {
                const start = position + 1;
                let cursor = start;
                let escapes = false;
                let close = buffer.indexOf(QUOTE, cursor);
                while (close !== -1 && close + 1 < length && buffer[close + 1] === QUOTE) {
                    escapes = true;
                    cursor = close + 2;
                    close = buffer.indexOf(QUOTE, cursor);
                }
                if (close >= length)
                    close = -1;
                if (close === -1 || (close + 1 === length && !final)) {
                    if (!final) {
                        this.line = rowLine;
                        return rowStart;
                    }
                    throw new errors/* InputError */.dz(`${this.options.source}: unterminated quoted field starting on line ${rowLine}; close the quote, and write a quote inside a field as "".`);
                }
                for (let i = start; i < close; i += 1)
                    if (buffer[i] === LF)
                        line += 1;
                starts[count] = start;
                fieldEnds[count] = close;
                quoting[count] = escapes ? 2 : 1;
                fieldEnd = close + 1;
                const next = fieldEnd < length ? buffer[fieldEnd] : -1;
                if (next !== -1 && next !== delimiter && next !== LF && next !== CR) {
                    throw new errors/* InputError */.dz(`${this.options.source}: unexpected character after a closing quote on line ${line}; a quoted field must end at a delimiter or a line break (write a quote inside a field as "").`);
                }
                if (count === rowFirst)
                    firstQuoted = true;
            }
            else {
                let end = position;
                for (; end < length; end += 1) {
                    const byte = buffer[end];
                    if (byte <= lastEnd && ends[byte] === 1)
                        break;
                }
                if (end === length && !final) {
                    this.line = rowLine;
                    return rowStart;
                }
                starts[count] = position;
                fieldEnds[count] = end;
                quoting[count] = 0;
                fieldEnd = end;
                if (count === rowFirst)
                    firstQuoted = false;
            }
            count += 1;
            const after = fieldEnd < length ? buffer[fieldEnd] : -1;
            if (after === delimiter) {
                position = fieldEnd + 1;
                continue;
            }
            // The row ends here: at a line break, or at the end of the final input.
            if (fieldEnd + 1 === length && after === CR && !final) {
                // CR LF may straddle chunks
                this.line = rowLine;
                return rowStart;
            }
            if (count - rowFirst !== 1 || firstQuoted || fieldEnds[rowFirst] !== starts[rowFirst]) {
                const offset = offsetBase + rowStart;
                if (this.batchSink === null) {
                    view.count = count;
                    view.line = rowLine;
                    view.offset = offset;
                    if (this.sink(view) === false) {
                        this.halted = true;
                        this.line = rowLine;
                        return rowStart;
                    }
                    // The sink may have switched to batch mode (which grows the field arrays).
                    starts = view.starts;
                    fieldEnds = view.ends;
                    quoting = view.quoting;
                    capacity = starts.length;
                    count = 0;
                }
                else {
                    if (offset >= this.stop) {
                        this.halted = true;
                        this.line = rowLine;
                        return rowStart;
                    }
                    const row = this.gathered;
                    batch.rowStarts[row] = rowFirst;
                    batch.rowStarts[row + 1] = count;
                    batch.lines[row] = rowLine;
                    batch.offsets[row] = offset;
                    this.gathered = row + 1;
                    if (count >= BATCH_FIELDS) {
                        this.deliver();
                        count = 0;
                    }
                }
            }
            else {
                count = rowFirst; // a blank line
            }
            rowFirst = count;
            if (after === -1)
                break;
            position = fieldEnd + (after === CR && fieldEnd + 1 < length && buffer[fieldEnd + 1] === LF ? 2 : 1);
            line += 1;
            rowStart = position;
            rowLine = line;
            if (position === length)
                break;
        }
        this.line = line;
        return length;
    }
}

// EXTERNAL MODULE: ./src/core/data/local-file.ts
var local_file = __nccwpck_require__(5250);
;// CONCATENATED MODULE: ./src/core/data/csv-reader.ts
/**
 * CSV and TSV files: the header row names the columns, every further row is data and must have one
 * field per column. A file can be read whole, or as a byte range that starts on a row boundary and
 * stops at the first row starting at or after a given offset (parallel scans, scan/scan-dataset.ts).
 */



/** Reads the header row only. */
async function readCsvHeader(source, delimiter) {
    let columns;
    let dataOffset = source.size;
    let dataLine = 1;
    const tokenizer = new CsvTokenizer((row) => {
        if (columns !== undefined) {
            dataOffset = row.offset;
            dataLine = row.line;
            return false;
        }
        columns = Array.from({ length: row.count }, (_, i) => row.text(i));
        return undefined;
    }, { delimiter, source: source.name });
    for await (const chunk of source.stream()) {
        tokenizer.push(chunk);
        if (tokenizer.stopped)
            break;
    }
    tokenizer.end();
    if (columns === undefined)
        throw new errors/* InputError */.dz(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
    return { columns, dataOffset, dataLine };
}
/** Reads a whole CSV/TSV file into `consumer`. */
async function readCsv(source, consumer, delimiter) {
    let header = false;
    let rows = 0;
    const tokenizer = new CsvTokenizer((row) => {
        if (!header) {
            header = true;
            consumer.columns(Array.from({ length: row.count }, (_, i) => row.text(i)), source.name);
            if (batches !== null)
                tokenizer.batchRows(batches);
            return;
        }
        rows += 1;
        consumer.csvRow(row);
    }, { delimiter, source: source.name });
    const batches = consumer.csvBatch === undefined ? null : new Batches(consumer);
    await pump(source, tokenizer, 0);
    tokenizer.end();
    rows += batches?.rows ?? 0;
    if (!header)
        throw new errors/* InputError */.dz(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
    if (rows === 0)
        throw new errors/* InputError */.dz(`${source.name}: the file has a header but no data rows.`);
    return { rows };
}
/** Reads the data rows of a byte range into `consumer` (whose columns are already set). */
async function readCsvRange(source, consumer, delimiter, range) {
    const tokenizer = new CsvTokenizer((row) => {
        if (row.offset >= range.stop)
            return false;
        consumer.csvRow(row);
        return undefined;
    }, { delimiter, source: source.name, offset: range.start, line: range.line });
    if (consumer.csvBatch !== undefined)
        tokenizer.batchRows(new Batches(consumer), range.stop);
    await pump(source, tokenizer, range.start);
    tokenizer.end();
    return { end: tokenizer.stopped ? tokenizer.position : source.size, endLine: tokenizer.currentLine };
}
function delimiterOf(format) {
    return format === 'tsv' ? '\t' : ',';
}
/** Hands batches of rows to a consumer that takes them, counting the rows. */
class Batches {
    consumer;
    rows = 0;
    constructor(consumer) {
        this.consumer = consumer;
    }
    csvBatch(batch) {
        this.rows += batch.rows;
        this.consumer.csvBatch(batch);
    }
}
/** Room in front of each chunk for the unfinished row of the previous one (longer rows are copied). */
const ROW_ROOM = 64 * 1024;
/**
 * Feeds the source from `start` to its end into the tokenizer, until it stops. A source with
 * positioned reads is read into two reused buffers, the next chunk while the current one is parsed;
 * any other is streamed.
 */
async function pump(source, tokenizer, start) {
    if (source.openReader === undefined) {
        for await (const chunk of source.stream(start === 0 ? undefined : { start })) {
            tokenizer.push(chunk);
            if (tokenizer.stopped)
                break;
        }
        return;
    }
    const reader = await source.openReader();
    const buffers = [Buffer.allocUnsafe(ROW_ROOM + local_file/* CHUNK_SIZE */.O), Buffer.allocUnsafe(ROW_ROOM + local_file/* CHUNK_SIZE */.O)];
    let position = start;
    let next = position < source.size ? reader.read(buffers[0], ROW_ROOM, local_file/* CHUNK_SIZE */.O, position) : null;
    let index = 0;
    try {
        while (next !== null) {
            const filled = await next;
            next = null;
            if (filled === 0)
                break;
            position += filled;
            const current = buffers[index];
            index ^= 1;
            if (filled === local_file/* CHUNK_SIZE */.O && position < source.size)
                next = reader.read(buffers[index], ROW_ROOM, local_file/* CHUNK_SIZE */.O, position);
            tokenizer.pushInPlace(current, ROW_ROOM, ROW_ROOM + filled);
            if (tokenizer.stopped)
                break;
        }
    }
    finally {
        // A read still in flight (the tokenizer stopped or threw) must end before the file closes.
        if (next !== null)
            await next.catch(() => 0);
        await reader.close();
    }
}


/***/ }),

/***/ 5250:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ CHUNK_SIZE),
/* harmony export */   T: () => (/* binding */ localFileSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/**
 * A local file as a ByteSource: stat once, then stream it (optionally a byte range) in 1 MiB chunks
 * through a FileHandle, read a range at once (Parquet footers and column chunks), or open it for
 * positioned reads into the caller's own buffers (the CSV reader). Every streamed chunk is a fresh
 * buffer, so a consumer may keep one as long as it likes; only one chunk is in flight at a time, so
 * memory does not grow with the file.
 *
 * Complexity: O(n) in the bytes read; O(1 MiB) memory while streaming, O(end - start) for read().
 *
 * Errors are one line naming the path: a missing file, a directory (with a glob to use instead), a
 * file that cannot be read (permissions). A file that shrinks while it is read ends early rather than
 * failing; the readers then report what they found.
 */



/** Bytes per streamed chunk. */
const CHUNK_SIZE = 1024 * 1024;
/**
 * Opens `path` as a ByteSource. `name` is how messages and reports call it (the path as the user
 * wrote it); it defaults to `path`.
 */
async function localFileSource(path, name = path) {
    let stats;
    try {
        stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
    }
    catch (error) {
        throw fileError(error, name);
    }
    if (stats.isDirectory()) {
        const dir = name.replace(/[\\/]+$/, '') || name;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
    }
    if (!stats.isFile()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: ${name} is not a regular file; name a file, or a glob of files`);
    }
    const size = stats.size;
    return {
        name,
        size,
        local: true,
        path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path),
        stream(range) {
            return streamFile(path, name, clampStart(range?.start ?? 0, size), clampEnd(range?.end ?? size, size));
        },
        read(start, end) {
            return readFile(path, name, clampStart(start, size), clampEnd(end, size));
        },
        async openReader() {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r').catch((error) => {
                throw fileError(error, name);
            });
            return {
                read: (target, offset, length, position) => fill(handle, target.subarray(offset, offset + length), position, name),
                close: () => handle.close(),
            };
        },
    };
}
function clampStart(start, size) {
    return Math.min(Math.max(0, start), size);
}
function clampEnd(end, size) {
    return Math.min(Math.max(0, end), size);
}
async function* streamFile(path, name, start, end) {
    if (end <= start)
        return;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r').catch((error) => {
        throw fileError(error, name);
    });
    try {
        let position = start;
        while (position < end) {
            // A new buffer per chunk: the consumer may still hold the previous one.
            const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK_SIZE, end - position));
            const filled = await fill(handle, chunk, position, name);
            if (filled === 0)
                return; // the file shrank while being read
            position += filled;
            yield filled === chunk.length ? chunk : chunk.subarray(0, filled);
            if (filled < chunk.length)
                return;
        }
    }
    finally {
        await handle.close();
    }
}
async function readFile(path, name, start, end) {
    if (end <= start)
        return Buffer.alloc(0);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r').catch((error) => {
        throw fileError(error, name);
    });
    try {
        const buffer = Buffer.allocUnsafeSlow(end - start);
        const filled = await fill(handle, buffer, start, name);
        return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    }
    finally {
        await handle.close();
    }
}
/** Reads until `buffer` is full or the file ends; returns the bytes read. */
async function fill(handle, buffer, position, name) {
    let filled = 0;
    while (filled < buffer.length) {
        let bytesRead;
        try {
            ({ bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled));
        }
        catch (error) {
            throw fileError(error, name);
        }
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return filled;
}
/** A file-system failure as a one-line InputError; anything else passes through. */
function fileError(error, name) {
    const code = error?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: no such file: ${name}`);
    if (code === 'EACCES' || code === 'EPERM') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: cannot read ${name} (permission denied); make the file readable by the user running the step`);
    }
    if (code === 'EISDIR') {
        const dir = name.replace(/[\\/]+$/, '') || name;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
    }
    if (typeof code === 'string')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`data: cannot read ${name} (${code}); check that the file exists and is readable`);
    return error;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ CheckFailedError),
/* harmony export */   Do: () => (/* binding */ isCd4mlError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eG: () => (/* binding */ EnvironmentError)
/* harmony export */ });
/* unused harmony exports Cd4mlError, NotImplementedError */
class Cd4mlError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
class InputError extends Cd4mlError {
    kind = 'input';
}
class CheckFailedError extends Cd4mlError {
    kind = 'check-failed';
}
class ServiceError extends Cd4mlError {
    kind = 'service';
}
class EnvironmentError extends Cd4mlError {
    kind = 'environment';
}
class NotImplementedError extends Cd4mlError {
    kind = 'not-implemented';
    constructor(what) {
        super(`${what} is not implemented yet in this version of cd4ml-actions; nothing was done.`);
    }
}
/** True for the errors whose message is written for the user; false for bugs. */
function isCd4mlError(error) {
    return error instanceof Cd4mlError;
}
/** One line for the log: the message of a known error, or the type and message of an unexpected one. */
function describeError(error) {
    if (isCd4mlError(error))
        return error.message;
    if (error instanceof Error)
        return `Unexpected ${error.name}: ${error.message}`;
    return `Unexpected failure: ${String(error)}`;
}


/***/ }),

/***/ 3372:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ CATEGORY_CAPACITY),
/* harmony export */   v: () => (/* binding */ CategoryTable)
/* harmony export */ });
/**
 * Exact value counts for a column with few distinct values: an open-addressing hash table keyed by a
 * number (numeric cells, so `1.50` and `1.5` are one value) or by the cell's UTF-8 bytes (everything
 * else), so counting a cell makes no string. Holds at most `capacity` distinct values; the value that
 * would exceed it makes the table overflow, and the column is then not categorical.
 *
 * Complexity: O(1) expected per cell (plus O(length) to compare bytes), O(capacity) memory.
 */
const CATEGORY_CAPACITY = 1000;
/** Integers below this are looked up by value (ages, counts, flags), without hashing. */
const SMALL_INTEGERS = 256;
class CategoryTable {
    capacity;
    slots;
    mask;
    hashes;
    numeric;
    numbers;
    keyStarts;
    keyLengths;
    bytes = Buffer.allocUnsafe(4096);
    used = 0;
    counts;
    /** The entries of the integers 0 to SMALL_INTEGERS − 1 (-1: not in the table). */
    small;
    /** Text entries' values once decoded from `bytes` (label()); numbers are in `numbers`. */
    texts = null;
    size = 0;
    constructor(capacity = CATEGORY_CAPACITY) {
        this.capacity = capacity;
        let slots = 16;
        while (slots < capacity * 4)
            slots *= 2;
        this.slots = new Int32Array(slots).fill(-1);
        this.mask = slots - 1;
        this.hashes = new Int32Array(capacity);
        this.numeric = new Uint8Array(capacity);
        this.numbers = new Float64Array(capacity);
        this.keyStarts = new Int32Array(capacity);
        this.keyLengths = new Int32Array(capacity);
        this.counts = new Float64Array(capacity);
        this.small = new Int32Array(SMALL_INTEGERS).fill(-1);
    }
    /** The entry of a small non-negative integer already in the table (SMALL_INTEGERS), else -1: no hash needed. */
    smallInteger(value) {
        return value >= 0 && value < SMALL_INTEGERS && (value | 0) === value ? this.small[value] : -1;
    }
    /** Index of the numeric value (added when new), or -1 when the table is full. `hash`: its 32 bits, signed or not. */
    number(value, hash) {
        hash |= 0;
        let slot = hash & this.mask;
        for (;;) {
            const entry = this.slots[slot];
            if (entry === -1)
                break;
            if (this.hashes[entry] === hash && this.numeric[entry] === 1 && this.numbers[entry] === value)
                return entry;
            slot = (slot + 1) & this.mask;
        }
        if (this.size === this.capacity)
            return -1;
        const entry = this.size++;
        this.slots[slot] = entry;
        this.hashes[entry] = hash;
        this.numeric[entry] = 1;
        this.numbers[entry] = value;
        if (value >= 0 && value < SMALL_INTEGERS && (value | 0) === value)
            this.small[value] = entry;
        return entry;
    }
    /** Index of the text value in bytes [start, end) (added when new), or -1 when the table is full. `hash`: its 32 bits, signed or not. */
    text(buffer, start, end, hash) {
        hash |= 0;
        const length = end - start;
        let slot = hash & this.mask;
        for (;;) {
            const entry = this.slots[slot];
            if (entry === -1)
                break;
            if (this.hashes[entry] === hash && this.numeric[entry] === 0 && this.keyLengths[entry] === length) {
                const at = this.keyStarts[entry];
                let same = true;
                for (let i = 0; i < length; i += 1) {
                    if (this.bytes[at + i] !== buffer[start + i]) {
                        same = false;
                        break;
                    }
                }
                if (same)
                    return entry;
            }
            slot = (slot + 1) & this.mask;
        }
        if (this.size === this.capacity)
            return -1;
        const entry = this.size++;
        if (this.used + length > this.bytes.length) {
            const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
            this.bytes.copy(grown, 0, 0, this.used);
            this.bytes = grown;
        }
        this.bytes.set(buffer.subarray(start, end), this.used);
        this.slots[slot] = entry;
        this.hashes[entry] = hash;
        this.numeric[entry] = 0;
        this.keyStarts[entry] = this.used;
        this.keyLengths[entry] = length;
        this.used += length;
        return entry;
    }
    /** The hash the entry was added with (its 32 bits as a signed integer). */
    hash(entry) {
        return this.hashes[entry];
    }
    /** Whether the entry is a number (else text). */
    isNumber(entry) {
        return this.numeric[entry] === 1;
    }
    /** The entry's value: its number, or its text (decoded when first asked for: most tables of text overflow unasked). */
    label(entry) {
        if (this.numeric[entry] === 1)
            return this.numbers[entry];
        this.texts ??= [];
        let text = this.texts[entry];
        if (text === undefined) {
            const at = this.keyStarts[entry];
            text = this.bytes.toString('utf8', at, at + this.keyLengths[entry]);
            this.texts[entry] = text;
        }
        return text;
    }
    /** Every value with its count, most frequent first (ties in first-seen order). */
    entries() {
        const result = [];
        for (let i = 0; i < this.size; i += 1)
            result.push([this.label(i), this.counts[i]]);
        return result.sort((a, b) => b[1] - a[1]);
    }
}


/***/ }),

/***/ 7345:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o: () => (/* binding */ ColumnProfile)
});

// UNUSED EXPORTS: sortCategories

// EXTERNAL MODULE: ./src/core/data/cell.ts
var data_cell = __nccwpck_require__(8118);
// EXTERNAL MODULE: ./src/core/profile/category-table.ts
var category_table = __nccwpck_require__(3372);
// EXTERNAL MODULE: ./src/core/profile/hash.ts
var profile_hash = __nccwpck_require__(7861);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/profile/hyperloglog.ts
/**
 * HyperLogLog distinct-count sketch over 32-bit hashes (Flajolet, Fusy, Gandouet, Meunier 2007,
 * "HyperLogLog: the analysis of a near-optimal cardinality estimation algorithm"), mergeable across
 * CSV shards and profile runs. Feed it hashes from hash.ts (`hashBytes` / `hashNumber`, one seed
 * for every sketch that will be merged).
 */

/** Smallest and largest supported precision (16 to 65,536 registers). */
const HLL_MIN_PRECISION = 4;
const HLL_MAX_PRECISION = 16;
const TWO_32 = 2 ** 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** 2^-r for every register value a 32-bit hash can produce (r ≤ 33 − p ≤ 29). */
const INVERSE_POWERS = Float64Array.from({ length: 34 }, (_, r) => 2 ** -r);
/** The bias constant α_m of the raw estimator (Flajolet et al. 2007, Fig. 3). */
function alpha(m) {
    if (m === 16)
        return 0.673;
    if (m === 32)
        return 0.697;
    if (m === 64)
        return 0.709;
    return 0.7213 / (1 + 1.079 / m);
}
/**
 * HyperLogLog with precision p: m = 2^p one-byte registers (p = 12 → 4,096 registers, 4 KiB).
 *
 * Accuracy: relative standard error 1.04/√m (1.625% at p = 12; `standardError(p)`), across the
 * range where the raw estimator or linear counting applies. Estimator (Flajolet et al. 2007,
 * Fig. 3): raw E = α_m·m²/Σ2^−M[j]; when E ≤ 2.5·m and some register is still zero the
 * small-range correction m·ln(m/V) (linear counting over the V empty registers) is returned
 * instead, which is near exact for counts far below m (±1 or so under ~m/40); when E > 2³²/30 the
 * large-range correction −2³²·ln(1 − E/2³²) undoes 32-bit hash collisions. HLL++ (Heule, Nunkesser,
 * Hall 2013) switches at a lower, per-precision threshold (3,100 for p = 12), but only together with
 * its empirical bias tables for the raw estimate, which this sketch does not carry; without them the
 * 2.5·m switch is the accurate one. Around that switch (n ≈ 2.5·m to 3·m) the estimate runs up to
 * ~1.5% high, within one standard error.
 *
 * Usable range with 32-bit hashes: up to about 10⁸ distinct values the error stays at 1.04/√m; by
 * 10⁹ (a quarter of the hash space) hash collisions make the large-range correction noisy, and an
 * estimate near 2³² ≈ 4.3·10⁹ is saturated (it is returned uncorrected, as a lower bound).
 */
class HyperLogLog {
    p;
    m;
    registers;
    shift;
    /** The bit below the p bits shifted out: 1 << (p − 1). */
    floor;
    constructor(p = 12) {
        if (!Number.isInteger(p) || p < HLL_MIN_PRECISION || p > HLL_MAX_PRECISION) {
            throw new errors/* InputError */.dz(`HyperLogLog precision must be an integer from ${HLL_MIN_PRECISION} to ${HLL_MAX_PRECISION}, got ${String(p)}.`);
        }
        this.p = p;
        this.m = 1 << p;
        this.registers = new Uint8Array(this.m);
        this.shift = 32 - p;
        this.floor = 1 << (p - 1);
    }
    /** The relative standard error 1.04/√(2^p) of a sketch with precision p (Flajolet et al. 2007, Thm. 1). O(1). */
    static standardError(p) {
        return 1.04 / Math.sqrt(2 ** p);
    }
    /**
     * Adds one 32-bit hash (signed or unsigned): its top p bits pick the register, which keeps the
     * maximum rank (1 + leading zeros) of the remaining 32 − p bits. O(1), no allocation.
     */
    add(hash32) {
        const index = hash32 >>> this.shift;
        // The bit just below the remaining ones caps the leading zeros at 32 − p (all remaining bits zero).
        const rank = Math.clz32((hash32 << this.p) | this.floor) + 1;
        if (rank > this.registers[index])
            this.registers[index] = rank;
    }
    /** Folds `other` into this sketch (register-wise maximum): the sketch of the union. O(m). */
    merge(other) {
        if (other.p !== this.p) {
            throw new errors/* InputError */.dz(`Cannot merge HyperLogLog sketches of different precision (${this.p} and ${other.p}).`);
        }
        const mine = this.registers;
        const theirs = other.registers;
        for (let j = 0; j < this.m; j++) {
            const r = theirs[j];
            if (r > mine[j])
                mine[j] = r;
        }
    }
    /**
     * Estimated number of distinct hashes added: the raw HyperLogLog estimate with the small- and
     * large-range corrections of Flajolet et al. 2007, Fig. 3 (details and error in the class
     * comment). 0 for an empty sketch. O(m).
     */
    estimate() {
        const m = this.m;
        let sum = 0;
        let zeros = 0;
        for (let j = 0; j < m; j++) {
            const r = this.registers[j];
            sum += INVERSE_POWERS[r];
            if (r === 0)
                zeros++;
        }
        const raw = (alpha(m) * m * m) / sum;
        if (raw <= 2.5 * m)
            return zeros > 0 ? m * Math.log(m / zeros) : raw;
        if (raw > TWO_32 / 30 && raw < TWO_32)
            return -TWO_32 * Math.log(1 - raw / TWO_32);
        return raw;
    }
    /** True when nothing has been added. O(m). */
    isEmpty() {
        return this.registers.every((r) => r === 0);
    }
    toJSON() {
        return { p: this.p, registers: Buffer.from(this.registers.buffer, this.registers.byteOffset, this.registers.byteLength).toString('base64') };
    }
    /** Rebuilds a sketch from `toJSON()` output, rejecting a malformed state with a one-line InputError. */
    static fromJSON(state) {
        if (typeof state !== 'object' || state === null || Array.isArray(state)) {
            throw new errors/* InputError */.dz('HyperLogLog state must be an object with "p" and "registers".');
        }
        const { p, registers } = state;
        if (typeof p !== 'number' || !Number.isInteger(p) || p < HLL_MIN_PRECISION || p > HLL_MAX_PRECISION) {
            throw new errors/* InputError */.dz(`HyperLogLog state "p" must be an integer from ${HLL_MIN_PRECISION} to ${HLL_MAX_PRECISION}, got ${JSON.stringify(p) ?? String(p)}.`);
        }
        if (typeof registers !== 'string' || !BASE64.test(registers)) {
            throw new errors/* InputError */.dz('HyperLogLog state "registers" must be a base64 string.');
        }
        const bytes = Buffer.from(registers, 'base64');
        const m = 1 << p;
        if (bytes.length !== m) {
            throw new errors/* InputError */.dz(`HyperLogLog state "registers" holds ${bytes.length} bytes; precision ${p} needs ${m}.`);
        }
        const sketch = new HyperLogLog(p);
        const maxRank = 32 - p + 1;
        for (let j = 0; j < m; j++) {
            const r = bytes[j];
            if (r > maxRank)
                throw new errors/* InputError */.dz(`HyperLogLog state register ${j} is ${r}; precision ${p} allows at most ${maxRank}.`);
            sketch.registers[j] = r;
        }
        return sketch;
    }
}

// EXTERNAL MODULE: ./src/core/profile/kll-sketch.ts
var kll_sketch = __nccwpck_require__(4381);
;// CONCATENATED MODULE: ./src/core/profile/column-profile.ts
/**
 * One column's statistics, gathered in one pass and mergeable: profiling shards separately and
 * merging gives the same counts, moments (within floating-point rounding), exact category counts
 * and distinct estimate as profiling the whole, and quantiles within the sketch's rank error.
 *
 * - count, nulls and empty strings (apart), cells by kind (integer, number, boolean, date, datetime, text);
 * - over numeric cells: min, max, mean and variance, merged by Chan et al.'s pairwise formula (also
 *   within a column: blocks of MOMENT_BLOCK values are summed around the running mean, with no
 *   division per value, then merged); quantiles exact from the value counts while at most
 *   CATEGORY_CAPACITY distinct values are seen, else from a KLL sketch (k = 200);
 * - distinct values: exact from the value counts while they are tracked, otherwise a HyperLogLog
 *   estimate (p = 12, standard error 1.6%).
 *
 * While the value counts are complete they hold everything the sketches would: the KLL sketch and
 * the HyperLogLog are only built when the counts overflow (from the counts, then fed every cell),
 * which spares low-cardinality columns their per-cell cost.
 * - booleans: how many true; dates and datetimes: earliest and latest; text: length in code points.
 *
 * Complexity: O(1) amortised per cell (O(length) for text), O(k log n + capacity) memory.
 */





const TRUE_BYTES = Buffer.from('true');
const FALSE_BYTES = Buffer.from('false');
const TRUE_HASH = (0,profile_hash/* signedHashBytes */.i4)(TRUE_BYTES, 0, 4, profile_hash/* HASH_SEED_LOW */.eH);
const FALSE_HASH = (0,profile_hash/* signedHashBytes */.i4)(FALSE_BYTES, 0, 5, profile_hash/* HASH_SEED_LOW */.eH);
const EMPTY_HASH = (0,profile_hash/* signedHashBytes */.i4)(TRUE_BYTES, 0, 0, profile_hash/* HASH_SEED_LOW */.eH);
/** Numeric values summed around a fixed centre before they are merged into the moments. */
const MOMENT_BLOCK = 256;
/** Code points counted by hashBytesCounting. */
const counted = new Int32Array(1);
class ColumnProfile {
    count = 0;
    nulls = 0;
    empty = 0;
    kinds = new Float64Array(8);
    numericCount = 0;
    /** Mean and sum of squared deviations of the numeric values but the last `blockCount`. */
    settledMean = 0;
    settledM2 = 0;
    /** The values since: their number, and their deviations from `centre` summed and squared. */
    blockCount = 0;
    centre = 0;
    blockSum = 0;
    blockSquares = 0;
    min = Infinity;
    max = -Infinity;
    /** Null while `categories` is complete (the counts give exact quantiles). */
    sketch = null;
    trues = 0;
    temporalMin = Infinity;
    temporalMax = -Infinity;
    temporalMinText = '';
    temporalMaxText = '';
    lengthCount = 0;
    lengthMin = Infinity;
    lengthMax = -Infinity;
    lengthSum = 0;
    hll = new HyperLogLog(12);
    categories = new category_table/* CategoryTable */.v();
    /** The hash of the last added cell that is not a number (by its bytes; signed), for checks that need one. */
    lastHash = 0;
    /** The length in code points of the last added text cell (0 for an empty string; other kinds: not set). */
    lastLength = 0;
    /** Adds one cell; returns its category entry, or -1 when categories are no longer tracked (or null). */
    add(cell) {
        const kind = cell.kind;
        if (kind === data_cell/* NULL */.Cq) {
            this.nulls += 1;
            return -1;
        }
        this.count += 1;
        this.kinds[kind] = this.kinds[kind] + 1;
        const categories = this.categories;
        let hash;
        let entry = -1;
        if (kind === data_cell/* INTEGER */.vh || kind === data_cell/* NUMBER */.uk) {
            const x = cell.value;
            if (this.blockCount === 0)
                this.centre = this.numericCount === 0 ? x : this.settledMean;
            this.numericCount += 1;
            const deviation = x - this.centre;
            this.blockSum += deviation;
            this.blockSquares += deviation * deviation;
            if (++this.blockCount === MOMENT_BLOCK)
                this.settle();
            if (x < this.min)
                this.min = x;
            if (x > this.max)
                this.max = x;
            if (categories !== null)
                entry = categories.smallInteger(x);
            if (entry >= 0) {
                // A small integer already counted: no hash needed (checks key numbers by their bits).
                categories.counts[entry] = categories.counts[entry] + 1;
                return entry;
            }
            hash = (0,profile_hash/* signedHashNumber */.qM)(x, profile_hash/* HASH_SEED_LOW */.eH);
            if (categories !== null) {
                entry = categories.number(x, hash);
                if (entry < 0)
                    this.overflow();
            }
            if (entry < 0)
                this.sketch.update(x);
        }
        else if (kind === data_cell/* TEXT */.a$) {
            hash = (0,profile_hash/* hashBytesCounting */.x6)(cell.buffer, cell.start, cell.end, profile_hash/* HASH_SEED_LOW */.eH, counted);
            const length = counted[0];
            this.lastLength = length;
            this.lengthCount += 1;
            this.lengthSum += length;
            if (length < this.lengthMin)
                this.lengthMin = length;
            if (length > this.lengthMax)
                this.lengthMax = length;
            if (categories !== null)
                entry = categories.text(cell.buffer, cell.start, cell.end, hash);
        }
        else if (kind === data_cell/* DATE */.vH || kind === data_cell/* DATETIME */.cD) {
            hash = (0,profile_hash/* signedHashBytes */.i4)(cell.buffer, cell.start, cell.end, profile_hash/* HASH_SEED_LOW */.eH);
            const ms = cell.value;
            if (ms < this.temporalMin) {
                this.temporalMin = ms;
                this.temporalMinText = cell.buffer.toString('utf8', cell.start, cell.end);
            }
            if (ms > this.temporalMax) {
                this.temporalMax = ms;
                this.temporalMaxText = cell.buffer.toString('utf8', cell.start, cell.end);
            }
            if (categories !== null)
                entry = categories.text(cell.buffer, cell.start, cell.end, hash);
        }
        else if (kind === data_cell/* BOOLEAN */.Jx) {
            const truth = cell.value === 1;
            if (truth)
                this.trues += 1;
            hash = truth ? TRUE_HASH : FALSE_HASH;
            if (categories !== null)
                entry = truth ? categories.text(TRUE_BYTES, 0, 4, hash) : categories.text(FALSE_BYTES, 0, 5, hash);
        }
        else {
            // The empty string.
            hash = EMPTY_HASH;
            this.empty += 1;
            this.lastLength = 0;
            this.lengthCount += 1;
            if (this.lengthMin > 0)
                this.lengthMin = 0;
            if (this.lengthMax < 0)
                this.lengthMax = 0;
            if (categories !== null)
                entry = categories.text(cell.buffer, cell.start, cell.start, hash);
        }
        this.lastHash = hash;
        if (entry >= 0) {
            categories.counts[entry] = categories.counts[entry] + 1;
        }
        else {
            if (this.categories !== null)
                this.overflow();
            this.hll.add(hash);
        }
        return entry;
    }
    /** Mean of the numeric values. */
    get mean() {
        this.settle();
        return this.settledMean;
    }
    set mean(value) {
        this.settle();
        this.settledMean = value;
    }
    /** Sum of squared deviations from the mean of the numeric values. */
    get m2() {
        this.settle();
        return this.settledM2;
    }
    set m2(value) {
        this.settle();
        this.settledM2 = value;
    }
    /** Merges the values summed since the last settle into the mean and m2 (Chan et al.). */
    settle() {
        const b = this.blockCount;
        if (b === 0)
            return;
        const n = this.numericCount;
        const a = n - b;
        const offset = this.blockSum / b; // the block's mean, less the centre
        const blockM2 = Math.max(0, this.blockSquares - this.blockSum * offset);
        if (a === 0) {
            this.settledMean = this.centre + offset;
            this.settledM2 = blockM2;
        }
        else {
            // The centre is the mean settled before the block, so the difference of the means is exact
            // to the block's own precision, however large the values.
            const delta = this.centre - this.settledMean + offset;
            this.settledMean += (delta * b) / n;
            this.settledM2 += blockM2 + (delta * delta * a * b) / n;
        }
        this.blockCount = 0;
        this.blockSum = 0;
        this.blockSquares = 0;
    }
    /** More distinct values than the counts hold: build the sketches from the counts, drop the counts. */
    overflow() {
        const table = this.categories;
        this.categories = null;
        this.hll = hllOf(table, this.hll);
        this.sketch = sketchOf(table, this.sketch);
    }
    /** Adds `count` nulls at once (rows read before this column first appeared). */
    addNulls(count) {
        this.nulls += count;
    }
    /** Adds another profile of the same column (Chan et al.'s pairwise update for the moments). */
    merge(other) {
        this.count += other.count;
        this.nulls += other.nulls;
        this.empty += other.empty;
        for (let i = 0; i < this.kinds.length; i += 1)
            this.kinds[i] = this.kinds[i] + other.kinds[i];
        if (other.numericCount > 0) {
            const n = this.numericCount + other.numericCount;
            const delta = other.mean - this.mean;
            this.mean += (delta * other.numericCount) / n;
            this.m2 += other.m2 + (delta * delta * this.numericCount * other.numericCount) / n;
            this.numericCount = n;
            this.min = Math.min(this.min, other.min);
            this.max = Math.max(this.max, other.max);
        }
        this.trues += other.trues;
        if (other.temporalMin < this.temporalMin) {
            this.temporalMin = other.temporalMin;
            this.temporalMinText = other.temporalMinText;
        }
        if (other.temporalMax > this.temporalMax) {
            this.temporalMax = other.temporalMax;
            this.temporalMaxText = other.temporalMaxText;
        }
        this.lengthCount += other.lengthCount;
        this.lengthSum += other.lengthSum;
        this.lengthMin = Math.min(this.lengthMin, other.lengthMin);
        this.lengthMax = Math.max(this.lengthMax, other.lengthMax);
        const merged = mergeCategories(this.categories, other.categories);
        if (merged === null) {
            // At least one side has overflowed, or both together do: combine as sketches.
            this.hll = hllOf(this.categories, this.hll);
            this.hll.merge(hllOf(other.categories, other.hll));
            const sketch = sketchOf(this.categories, this.sketch);
            const otherSketch = sketchOf(other.categories, other.sketch);
            sketch.merge(otherSketch);
            this.sketch = sketch.n === 0 ? null : sketch;
        }
        this.categories = merged;
    }
    /** Quantiles of the numeric cells: exact (lower quantiles) from complete counts, else from the sketch. */
    quantiles(qs) {
        if (this.categories === null)
            return this.sketch?.quantiles(qs) ?? qs.map(() => Number.NaN);
        const values = this.categories.entries().filter((entry) => typeof entry[0] === 'number').sort((a, b) => a[0] - b[0]);
        const n = values.reduce((sum, [, count]) => sum + count, 0);
        return qs.map((q) => {
            if (n === 0)
                return Number.NaN;
            let cumulative = 0;
            for (const [value, count] of values) {
                cumulative += count;
                if (cumulative >= q * n)
                    return value;
            }
            return values.at(-1)[0];
        });
    }
    /** Estimated fraction of numeric cells ≤ each split (exact from complete counts). */
    cdf(splits) {
        if (this.categories === null)
            return this.sketch?.cdf(splits) ?? splits.map(() => Number.NaN);
        const values = this.categories.entries().filter((entry) => typeof entry[0] === 'number');
        const n = values.reduce((sum, [, count]) => sum + count, 0);
        return splits.map((split) => values.reduce((sum, [value, count]) => (value <= split ? sum + count : sum), 0) / n);
    }
    /** Cells by kind, empty strings counted as text. */
    toKinds() {
        const k = this.kinds;
        return { integer: k[data_cell/* INTEGER */.vh], number: k[data_cell/* NUMBER */.uk], boolean: k[data_cell/* BOOLEAN */.Jx], date: k[data_cell/* DATE */.vH], datetime: k[data_cell/* DATETIME */.cD], text: k[data_cell/* TEXT */.a$] + k[data_cell/* EMPTY */.wg] };
    }
    /** Sample variance (n − 1 in the denominator, as pandas' var()); NaN below two values. */
    get variance() {
        return this.numericCount < 2 ? Number.NaN : this.m2 / (this.numericCount - 1);
    }
    /** Distinct non-null values: exact while categories are tracked, else the HyperLogLog estimate. */
    get distinct() {
        if (this.categories !== null)
            return { value: this.categories.size, exact: true };
        return { value: Math.max(category_table/* CATEGORY_CAPACITY */.a + 1, Math.round(this.hll.estimate())), exact: false };
    }
    toState() {
        return {
            count: this.count,
            nulls: this.nulls,
            empty: this.empty,
            kinds: this.toKinds(),
            numeric: this.numericCount === 0 ? null : { count: this.numericCount, min: this.min, max: this.max, mean: this.mean, m2: this.m2 },
            sketch: this.sketch === null ? null : this.sketch.toJSON(),
            trues: this.trues,
            temporal: this.temporalMin === Infinity ? null : { min: this.temporalMinText, max: this.temporalMaxText, minMs: this.temporalMin, maxMs: this.temporalMax },
            length: this.lengthCount === 0 ? null : { count: this.lengthCount, min: this.lengthMin, max: this.lengthMax, sum: this.lengthSum },
            hll: hllOf(this.categories, this.hll).toJSON(),
            categories: this.categories === null ? null : sortCategories(this.categories.entries()),
        };
    }
    static fromState(state) {
        const profile = new ColumnProfile();
        profile.count = state.count;
        profile.nulls = state.nulls;
        profile.empty = state.empty;
        profile.kinds[data_cell/* INTEGER */.vh] = state.kinds.integer;
        profile.kinds[data_cell/* NUMBER */.uk] = state.kinds.number;
        profile.kinds[data_cell/* BOOLEAN */.Jx] = state.kinds.boolean;
        profile.kinds[data_cell/* DATE */.vH] = state.kinds.date;
        profile.kinds[data_cell/* DATETIME */.cD] = state.kinds.datetime;
        profile.kinds[data_cell/* TEXT */.a$] = state.kinds.text - state.empty;
        profile.kinds[data_cell/* EMPTY */.wg] = state.empty;
        if (state.numeric !== null) {
            profile.numericCount = state.numeric.count;
            profile.min = state.numeric.min;
            profile.max = state.numeric.max;
            profile.mean = state.numeric.mean;
            profile.m2 = state.numeric.m2;
        }
        if (state.sketch !== null)
            profile.sketch = kll_sketch/* KllSketch */.gu.fromJSON(state.sketch);
        profile.trues = state.trues;
        if (state.temporal !== null) {
            profile.temporalMin = state.temporal.minMs;
            profile.temporalMax = state.temporal.maxMs;
            profile.temporalMinText = state.temporal.min;
            profile.temporalMaxText = state.temporal.max;
        }
        if (state.length !== null) {
            profile.lengthCount = state.length.count;
            profile.lengthMin = state.length.min;
            profile.lengthMax = state.length.max;
            profile.lengthSum = state.length.sum;
        }
        profile.hll = HyperLogLog.fromJSON(state.hll);
        profile.categories = state.categories === null ? null : tableOf(state.categories);
        return profile;
    }
}
/** Most frequent first; ties by value text, so merged and whole profiles list them alike. */
function sortCategories(entries) {
    return entries.sort((a, b) => b[1] - a[1] || compareLabels(a[0], b[0]));
}
function compareLabels(a, b) {
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
function tableOf(entries) {
    const table = new category_table/* CategoryTable */.v();
    for (const [value, count] of entries) {
        let entry;
        if (typeof value === 'number') {
            entry = table.number(value, (0,profile_hash/* signedHashNumber */.qM)(value, profile_hash/* HASH_SEED_LOW */.eH));
        }
        else {
            const bytes = Buffer.from(value, 'utf8');
            entry = table.text(bytes, 0, bytes.length, (0,profile_hash/* signedHashBytes */.i4)(bytes, 0, bytes.length, profile_hash/* HASH_SEED_LOW */.eH));
        }
        if (entry < 0)
            return null;
        table.counts[entry] = table.counts[entry] + count;
    }
    return table;
}
/** The HyperLogLog of a column: from its complete counts (each value once gives the same registers), or the one kept. */
function hllOf(table, kept) {
    if (table === null)
        return kept;
    const hll = new HyperLogLog(12);
    for (let entry = 0; entry < table.size; entry += 1)
        hll.add(table.hash(entry));
    return hll;
}
/** The KLL sketch of a column: from its complete counts (each value as often as counted), or the one kept. */
function sketchOf(table, kept) {
    if (table === null)
        return kept ?? new kll_sketch/* KllSketch */.gu(200);
    const sketch = new kll_sketch/* KllSketch */.gu(200);
    for (let entry = 0; entry < table.size; entry += 1) {
        if (!table.isNumber(entry))
            continue;
        const value = table.label(entry);
        for (let i = table.counts[entry]; i > 0; i -= 1)
            sketch.update(value);
    }
    return sketch;
}
function mergeCategories(a, b) {
    if (a === null || b === null)
        return null;
    return tableOf([...a.entries(), ...b.entries()]);
}


/***/ }),

/***/ 7861:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aG: () => (/* binding */ HASH_SEED_HIGH),
/* harmony export */   eH: () => (/* binding */ HASH_SEED_LOW),
/* harmony export */   i4: () => (/* binding */ signedHashBytes),
/* harmony export */   qM: () => (/* binding */ signedHashNumber),
/* harmony export */   x6: () => (/* binding */ hashBytesCounting)
/* harmony export */ });
/* unused harmony exports hashBytes, hashNumber */
/**
 * 32-bit hashing for the data profile's hot path: one call per CSV field, so both functions are
 * allocation-free and work on bytes and numbers directly (no strings are built).
 *
 * Both compute MurmurHash3 x86_32 (Austin Appleby, SMHasher, public domain reference
 * `MurmurHash3_x86_32`): `hashBytes` over a byte range, `hashNumber` over the 8 little-endian bytes
 * of a float64. The results are unsigned 32-bit integers and are identical on every platform.
 *
 * Uniqueness keys. 32 bits collide too often to count distinct values exactly beyond a few
 * thousand (birthday bound: about n²/2³³ colliding pairs among n values, so ~1 at n ≈ 93,000).
 * Callers that need an exact-ish distinct count build a wider key from two calls with different
 * seeds, `low = hashBytes(b, s, e, HASH_SEED_LOW)` and `high = hashBytes(b, s, e, HASH_SEED_HIGH)`:
 * either keep the pair (64 bits, as a BigInt or a string key) or fold it into one float64-exact
 * number `(high & 0x1fffff) * 2 ** 32 + low` (53 bits). Two MurmurHash3_x86_32 hashes under
 * different seeds are not a true 64-bit hash (seed-independent collisions can be constructed on
 * purpose), but on data that is not adversarial they behave like random bits: about n²/2⁶⁵
 * expected colliding pairs for the 64-bit pair (~0.03 at 10⁹ values) and n²/2⁵⁴ for the 53-bit
 * number (~0.6 at 10⁸ values), so counts are exact-ish, not exact.
 * HyperLogLog sketches take a single 32-bit hash (see hyperloglog.ts for the range that allows).
 */
/** Seed for the profiler's primary 32-bit hash (HyperLogLog input and low half of uniqueness keys). */
const HASH_SEED_LOW = 0x9747b28c;
/** Seed for the second half of a 64-bit-ish uniqueness key; any value different from HASH_SEED_LOW. */
const HASH_SEED_HIGH = 0x5bd1e995;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
// Scratch for hashNumber: a float64 and its two 32-bit halves, shared, so hashing allocates nothing.
const scratchFloat = new Float64Array(1);
const scratchWords = new Int32Array(scratchFloat.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;
/** Mixes one 32-bit block into the running state (the MurmurHash3 body step). */
function mixBlock(h, k) {
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
/** The MurmurHash3 finalizer (fmix32) after xoring in the length; returns the bits as a signed 32-bit int. */
function finalize(h, length) {
    h ^= length;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
/**
 * MurmurHash3_x86_32 of `buffer[start, end)` with `seed` (taken modulo 2³²): the reference
 * algorithm reading 4-byte blocks little-endian, a 1–3 byte tail, then fmix32. Returns an unsigned
 * 32-bit integer equal to the reference `MurmurHash3_x86_32(key, len, seed)`. O(end − start),
 * no allocation. Indices are trusted (the caller's tokenizer produced them); out-of-range bytes read
 * as 0 rather than throwing.
 */
function hashBytes(buffer, start, end, seed) {
    return signedHashBytes(buffer, start, end, seed) >>> 0;
}
/**
 * `hashBytes` as a signed 32-bit integer (the same 32 bits): hot paths keep hashes signed, as V8
 * holds every signed 32-bit integer unboxed while unsigned ones from 2³¹ up become heap numbers.
 */
function signedHashBytes(buffer, start, end, seed) {
    let h = seed | 0;
    const length = end - start;
    const blocksEnd = start + (length & ~3);
    let i = start;
    for (; i < blocksEnd; i += 4) {
        const k = buffer[i] | (buffer[i + 1] << 8) | (buffer[i + 2] << 16) | (buffer[i + 3] << 24);
        h = mixBlock(h, k);
    }
    const tail = length & 3;
    if (tail !== 0) {
        let k = 0;
        if (tail === 3)
            k ^= buffer[i + 2] << 16;
        if (tail >= 2)
            k ^= buffer[i + 1] << 8;
        k ^= buffer[i];
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h ^= k;
    }
    return finalize(h, length);
}
/**
 * `signedHashBytes`, also counting the Unicode code points of the UTF-8 bytes (the bytes that are
 * not continuation bytes) into `counted[0]`, in the same pass. O(end − start), no allocation.
 */
function hashBytesCounting(buffer, start, end, seed, counted) {
    let h = seed | 0;
    const length = end - start;
    const blocksEnd = start + (length & ~3);
    let continuations = 0;
    let i = start;
    for (; i < blocksEnd; i += 4) {
        const k = buffer[i] | (buffer[i + 1] << 8) | (buffer[i + 2] << 16) | (buffer[i + 3] << 24);
        // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear; count them four at a time.
        continuations += Math.imul(((k & ~(k << 1)) >>> 7) & 0x01010101, 0x01010101) >>> 24;
        h = mixBlock(h, k);
    }
    const tail = length & 3;
    if (tail !== 0) {
        let k = 0;
        if (tail === 3)
            k ^= buffer[i + 2] << 16;
        if (tail >= 2)
            k ^= buffer[i + 1] << 8;
        k ^= buffer[i];
        continuations += Math.imul(((k & ~(k << 1)) >>> 7) & 0x01010101, 0x01010101) >>> 24;
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h ^= k;
    }
    counted[0] = length - continuations;
    return finalize(h, length);
}
/**
 * MurmurHash3_x86_32 of the 8 little-endian IEEE-754 bytes of `value` with `seed`, i.e. the same
 * result as `hashBytes` over `Buffer.writeDoubleLE(value)`. −0 is hashed as +0 and every NaN as
 * the canonical quiet NaN (0x7FF8000000000000), so numerically equal values hash alike. O(1), no
 * allocation (a module-level Float64Array/Uint32Array scratch).
 */
function hashNumber(value, seed) {
    return signedHashNumber(value, seed) >>> 0;
}
/** `hashNumber` as a signed 32-bit integer (the same 32 bits; see signedHashBytes). */
function signedHashNumber(value, seed) {
    scratchFloat[0] = value === 0 ? 0 : value;
    let low;
    let high;
    if (value !== value) {
        low = 0;
        high = 0x7ff80000;
    }
    else {
        low = scratchWords[LOW_WORD];
        high = scratchWords[HIGH_WORD];
    }
    let h = mixBlock(seed | 0, low | 0);
    h = mixBlock(h, high | 0);
    return finalize(h, 8);
}


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gu: () => (/* binding */ KllSketch)
/* harmony export */ });
/* unused harmony exports KLL_MIN_K, KLL_MAX_K */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/**
 * KLL quantile sketch over float64 values (Karnin, Lang, Liberty 2016, "Optimal Quantile
 * Approximation in Streams"), following the layout and compaction schedule of Apache DataSketches'
 * KLL sketch (lazy compaction, level capacities k·(2/3)^depth with a minimum width of 8, one
 * items array holding every level). The only departure is the compaction coin: it comes from a
 * seeded xorshift32 generator kept in the sketch, so the same values in the same order always give
 * the same sketch, and a serialized sketch continues exactly as one never serialized.
 *
 * Layout: `items[levels[h], levels[h + 1])` holds level h, whose items each stand for 2^h inserted
 * values; `items[0, levels[0])` is free space that level 0 fills downwards. Levels above 0 are
 * sorted; level 0 is sorted when it is compacted. `items.length` is always the total capacity
 * Σ_h levelCapacity(h) for the current number of levels, and the retained weights sum to n exactly.
 */

/** Smallest and largest supported k (as in DataSketches). */
const KLL_MIN_K = 8;
const KLL_MAX_K = 65535;
/** Minimum level width m of DataSketches' KLL. */
const MIN_WIDTH = 8;
/** Enough levels for any n up to 2^53. */
const MAX_LEVELS = 61;
/**
 * Capacity of level `height` in a sketch with `numLevels` levels: max(8, round(k·(2/3)^depth)) with
 * depth = numLevels − height − 1, computed exactly in integers as DataSketches' `intCapAuxAux`
 * ((2k·2^depth / 3^depth + 1) / 2, integer divisions). O(depth) BigInt arithmetic; called only
 * when the number of levels changes.
 */
function levelCapacity(k, numLevels, height) {
    const depth = numLevels - height - 1;
    if (depth > 40)
        return MIN_WIDTH; // k·(2/3)^41 < 1 for every k ≤ 65535
    const scaled = ((2n * BigInt(k)) << BigInt(depth)) / 3n ** BigInt(depth);
    return Math.max(MIN_WIDTH, Number((scaled + 1n) >> 1n));
}
/** Capacities of every level for `numLevels` levels and their sum (the items array length). O(numLevels). */
function capacities(k, numLevels) {
    const caps = [];
    let total = 0;
    for (let h = 0; h < numLevels; h++) {
        const cap = levelCapacity(k, numLevels, h);
        caps.push(cap);
        total += cap;
    }
    return { caps, total };
}
/** 1 + ⌊log2 n⌋: an upper bound on the number of levels a sketch of n values needs. O(1). */
function levelsUpperBound(n) {
    return n <= 1 ? 1 : 1 + Math.floor(Math.log2(n));
}
/** The first xorshift32 state for a seed: murmur's fmix32 of the seed, never 0. O(1). */
function seedState(seed) {
    let h = seed | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0 || 0x6d2b79f5;
}
/** Two-slot scratch for mergeSorted's branch-free select. */
const pick = new Float64Array(2);
/**
 * Merges sorted a[aStart, aStart+aLen) and b[bStart, bStart+bLen) into out[outStart…] (ties take
 * a first). The element is chosen by indexing a two-slot scratch with the comparison bit instead
 * of branching on it: merged streams are random, so a branch would be mispredicted half the time.
 * Safe in place when out = a = b and outStart ≥ aStart + aLen ≤ bStart, as every compaction uses
 * it (writes never overtake unread items). O(aLen + bLen).
 */
function mergeSorted(a, aStart, aLen, b, bStart, bLen, out, outStart) {
    const aLim = aStart + aLen;
    const bLim = bStart + bLen;
    let i = aStart;
    let j = bStart;
    let o = outStart;
    while (i < aLim && j < bLim) {
        const x = a[i];
        const y = b[j];
        const takeB = +(y < x); // unary plus keeps V8 from compiling a branch (a ternary does not)
        pick[0] = x;
        pick[1] = y;
        out[o++] = pick[takeB];
        j += takeB;
        i += 1 - takeB;
    }
    while (i < aLim)
        out[o++] = a[i++];
    while (j < bLim)
        out[o++] = b[j++];
}
/** Largest run sorted by insertion sort; longer runs use the native typed-array sort. */
const INSERTION_SORT_MAX = 48;
/**
 * Sorts buf[start, end) ascending in place: insertion sort for short runs (level 0 usually holds
 * 8–20 items when compacted, where the native sort's call overhead dominates), otherwise the
 * typed-array sort. O(len²) worst case for len ≤ 48 (O(len) on ascending or descending runs),
 * O(len·log len) above.
 */
function sortRange(buf, start, end) {
    if (end - start > INSERTION_SORT_MAX) {
        buf.subarray(start, end).sort();
        return;
    }
    // Level 0 fills downwards, so ascending input arrives reversed: flip such runs so that sorted
    // and reverse-sorted streams both cost O(len) instead of insertion sort's worst case.
    if (buf[start] > buf[end - 1]) {
        for (let i = start, j = end - 1; i < j; i++, j--) {
            const t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }
    for (let i = start + 1; i < end; i++) {
        const x = buf[i];
        let j = i - 1;
        while (j >= start && buf[j] > x) {
            buf[j + 1] = buf[j];
            j--;
        }
        buf[j + 1] = x;
    }
}
/**
 * KLL sketch with parameter k (default 200). Space: about 3k retained float64 values plus 8 per
 * level (≈ 640 values, 5 KiB, at k = 200 for any n). Accuracy: normalized rank error
 * `KllSketch.rankError(k)` (1.33% at k = 200) for a single query at ~99% confidence.
 */
class KllSketch {
    k;
    numLevels = 1;
    /** levels[h] is where level h starts in `items`; levels[numLevels] === items.length. */
    levels;
    items;
    caps;
    count = 0;
    minValue = Infinity;
    maxValue = -Infinity;
    rngState;
    view = null;
    /**
     * An empty sketch. `k` sets size and accuracy (see `rankError`); `seed` (any number, taken as a
     * 32-bit integer) starts the compaction coin, so sketches built with the same k, seed and input
     * order are identical.
     */
    constructor(k = 200, seed = 1) {
        if (!Number.isInteger(k) || k < KLL_MIN_K || k > KLL_MAX_K) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL sketch k must be an integer from ${KLL_MIN_K} to ${KLL_MAX_K}, got ${String(k)}.`);
        }
        this.k = k;
        const { caps, total } = capacities(k, 1);
        this.caps = caps;
        this.items = new Float64Array(total);
        this.levels = [total, total];
        this.rngState = seedState(seed);
    }
    /**
     * The normalized rank error ε of a single rank or quantile query at ~99% confidence for a KLL
     * sketch with parameter k: 2.296 / k^0.9723. This is the empirical fit published by Apache
     * DataSketches (`KllSketch.getNormalizedRankError(k, false)`, "single-sided" error; its docs
     * list 1.33% for k = 200), measured for the same algorithm and compaction schedule used here.
     * O(1).
     */
    static rankError(k) {
        return 2.296 / k ** 0.9723;
    }
    /** Number of values inserted (including those absorbed by merges). */
    get n() {
        return this.count;
    }
    /** Smallest value inserted, exact; NaN when empty. */
    get min() {
        return this.count === 0 ? NaN : this.minValue;
    }
    /** Largest value inserted, exact; NaN when empty. */
    get max() {
        return this.count === 0 ? NaN : this.maxValue;
    }
    /** Number of values the sketch currently retains. */
    get retained() {
        return this.items.length - this.levels[0];
    }
    /**
     * Inserts one value. NaN is ignored (not counted); ±Infinity are ordinary values. Amortized O(1)
     * (an occasional compaction sorts level 0 and merges one level upwards). Nothing is allocated
     * per update; a compaction allocates only when it adds a level (O(log n) times over the sketch's
     * life) or sorts a level 0 longer than 48 items (one typed-array view).
     */
    update(value) {
        if (value !== value)
            return;
        if (value < this.minValue)
            this.minValue = value;
        if (value > this.maxValue)
            this.maxValue = value;
        let free = this.levels[0];
        if (free === 0) {
            this.compressWhileUpdating();
            free = this.levels[0];
        }
        free -= 1;
        this.levels[0] = free;
        this.items[free] = value;
        this.count += 1;
    }
    /**
     * Folds `other` into this sketch: afterwards it summarizes the concatenation of both streams, with
     * n, min and max exact and the same rank error bound. `other` is not changed. Both sketches must
     * have the same k (InputError otherwise). O(retained items of both) plus compaction.
     */
    merge(other) {
        if (other.k !== this.k) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Cannot merge KLL sketches with different k (${this.k} and ${other.k}).`);
        }
        if (other === this)
            other = KllSketch.fromJSON(this.toJSON());
        if (other.count === 0)
            return;
        const finalN = this.count + other.count;
        const otherLevels = other.levels;
        const otherItems = other.items;
        for (let i = otherLevels[0]; i < otherLevels[1]; i++)
            this.update(otherItems[i]);
        if (other.minValue < this.minValue)
            this.minValue = other.minValue;
        if (other.maxValue > this.maxValue)
            this.maxValue = other.maxValue;
        if (other.numLevels > 1) {
            const myLevels = this.levels;
            const myItems = this.items;
            const myNumLevels = this.numLevels;
            const otherNumLevels = other.numLevels;
            const abovePop = otherLevels[otherNumLevels] - otherLevels[1];
            const work = new Float64Array(this.retained + abovePop);
            const provisional = Math.max(myNumLevels, otherNumLevels);
            const bound = levelsUpperBound(finalN) + provisional + 2;
            const workLevels = new Array(bound).fill(0);
            const outLevels = new Array(bound).fill(0);
            const pop0 = myLevels[1] - myLevels[0];
            work.set(myItems.subarray(myLevels[0], myLevels[1]), 0);
            workLevels[1] = pop0;
            for (let h = 1; h < provisional; h++) {
                const mine = h < myNumLevels ? myLevels[h + 1] - myLevels[h] : 0;
                const theirs = h < otherNumLevels ? otherLevels[h + 1] - otherLevels[h] : 0;
                const start = workLevels[h];
                if (mine > 0 && theirs > 0) {
                    mergeSorted(myItems, myLevels[h], mine, otherItems, otherLevels[h], theirs, work, start);
                }
                else if (mine > 0) {
                    work.set(myItems.subarray(myLevels[h], myLevels[h] + mine), start);
                }
                else if (theirs > 0) {
                    work.set(otherItems.subarray(otherLevels[h], otherLevels[h] + theirs), start);
                }
                workLevels[h + 1] = start + mine + theirs;
            }
            const { numLevels, capacity, population } = this.generalCompress(provisional, work, workLevels, outLevels);
            if (population > capacity)
                throw new Error(`KLL merge left ${population} items for a capacity of ${capacity}.`);
            const items = new Float64Array(capacity);
            const free = capacity - population;
            items.set(work.subarray(0, population), free);
            const levels = [];
            for (let h = 0; h < numLevels; h++)
                levels.push(outLevels[h] + free);
            levels.push(capacity);
            this.items = items;
            this.levels = levels;
            this.numLevels = numLevels;
            this.caps = capacities(this.k, numLevels).caps;
        }
        this.count = finalN;
    }
    /**
     * The q-quantile, q ∈ [0, 1]: q = 0 gives the exact min, q = 1 the exact max, otherwise the
     * smallest retained value whose cumulative weight in the weighted sorted view is ≥ q·n (the
     * lower, "inclusive" quantile). Its true normalized rank is within `rankError(k)` of q with ~99%
     * confidence; exact while n ≤ k. NaN when empty. O(retained · log retained) the first time after
     * an update (building the sorted view), O(log retained) after that.
     */
    quantile(q) {
        checkFraction(q);
        if (this.count === 0)
            return NaN;
        if (q === 0)
            return this.minValue;
        if (q === 1)
            return this.maxValue;
        const { values, cumulative } = this.sortedView();
        const target = q * this.count;
        let lo = 0;
        let hi = values.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target)
                hi = mid;
            else
                lo = mid + 1;
        }
        return values[lo];
    }
    /** `quantile(q)` for each q, building the sorted view once. O(retained · log retained + |qs| · log retained). */
    quantiles(qs) {
        return qs.map((q) => this.quantile(q));
    }
    /**
     * Normalized rank of `value`: the estimated fraction of inserted values ≤ value (total weight of
     * retained values ≤ value, over n), within `rankError(k)` of the true fraction with ~99%
     * confidence; exact while n ≤ k. NaN when empty or for NaN. O(log retained) once the sorted view
     * exists.
     */
    rank(value) {
        if (this.count === 0 || value !== value)
            return NaN;
        const { values, cumulative } = this.sortedView();
        let lo = 0;
        let hi = values.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (values[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo === 0 ? 0 : cumulative[lo - 1] / this.count;
    }
    /**
     * Estimated cumulative distribution at each split: the fraction of inserted values ≤ split, as in
     * `rank`. Splits must be non-decreasing and not NaN (InputError otherwise), so the result is
     * non-decreasing. NaNs when empty. O(|splits| · log retained) once the sorted view exists.
     */
    cdf(splits) {
        for (let i = 0; i < splits.length; i++) {
            const split = splits[i];
            if (split !== split)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`CDF split ${i} is NaN.`);
            if (i > 0 && split < splits[i - 1]) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`CDF splits must be non-decreasing; split ${i} (${split}) is below split ${i - 1} (${String(splits[i - 1])}).`);
            }
        }
        return splits.map((split) => this.rank(split));
    }
    /**
     * The full state (see KllState), ready for JSON.stringify. Level 0 is written in its internal
     * order so that a restored sketch continues identically. ±Infinity items would become null in
     * JSON text and be refused by `fromJSON`; callers that keep infinities count them apart.
     * O(retained).
     */
    toJSON() {
        const levels = [];
        for (let h = 0; h < this.numLevels; h++) {
            levels.push(Array.from(this.items.subarray(this.levels[h], this.levels[h + 1])));
        }
        const empty = this.count === 0;
        return { k: this.k, n: this.count, min: empty ? null : this.minValue, max: empty ? null : this.maxValue, levels, rng: this.rngState };
    }
    /**
     * Rebuilds a sketch from `toJSON()` output (parsed JSON), checking the shape and the invariants
     * (weights sum to n, levels above 0 sorted, items within [min, max], capacity); a malformed state
     * throws an InputError with a one-line message naming the problem. O(retained).
     */
    static fromJSON(state) {
        if (typeof state !== 'object' || state === null || Array.isArray(state)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('KLL state must be an object with "k", "n", "min", "max", "levels" and "rng".');
        }
        const { k, n, min, max, levels, rng } = state;
        if (typeof k !== 'number' || !Number.isInteger(k) || k < KLL_MIN_K || k > KLL_MAX_K) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state "k" must be an integer from ${KLL_MIN_K} to ${KLL_MAX_K}, got ${show(k)}.`);
        }
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state "n" must be a non-negative integer, got ${show(n)}.`);
        }
        if (typeof rng !== 'number' || !Number.isInteger(rng) || rng < 1 || rng > 0xffffffff) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state "rng" must be an integer from 1 to 4294967295, got ${show(rng)}.`);
        }
        if (!Array.isArray(levels) || levels.length === 0 || levels.length > MAX_LEVELS) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state "levels" must be an array of 1 to ${MAX_LEVELS} arrays.`);
        }
        if (n === 0) {
            if (min !== null || max !== null)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('KLL state of an empty sketch must have "min" and "max" null.');
        }
        else {
            if (typeof min !== 'number' || typeof max !== 'number' || min !== min || max !== max || min > max) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state "min" and "max" must be numbers with min ≤ max, got ${show(min)} and ${show(max)}.`);
            }
        }
        const lower = typeof min === 'number' ? min : Infinity;
        const upper = typeof max === 'number' ? max : -Infinity;
        let weight = 0;
        let retained = 0;
        for (let h = 0; h < levels.length; h++) {
            const level = levels[h];
            if (!Array.isArray(level))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state levels[${h}] must be an array of numbers.`);
            for (let i = 0; i < level.length; i++) {
                const value = level[i];
                if (typeof value !== 'number' || value !== value)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state levels[${h}][${i}] must be a number, got ${show(value)}.`);
                if (value < lower || value > upper)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state levels[${h}][${i}] (${value}) lies outside [min, max].`);
                if (h > 0 && i > 0 && value < level[i - 1])
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state levels[${h}] is not sorted at index ${i}.`);
            }
            weight += level.length * 2 ** h;
            retained += level.length;
        }
        if (weight !== n)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state levels carry a total weight of ${weight}, but "n" is ${n}.`);
        const sketch = new KllSketch(k);
        const numLevels = levels.length;
        const { caps, total } = capacities(k, numLevels);
        if (retained > total)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`KLL state retains ${retained} items; k ${k} with ${numLevels} levels holds at most ${total}.`);
        const items = new Float64Array(total);
        const starts = [];
        let offset = total - retained;
        for (let h = 0; h < numLevels; h++) {
            const level = levels[h];
            starts.push(offset);
            items.set(level, offset);
            offset += level.length;
        }
        starts.push(total);
        sketch.items = items;
        sketch.levels = starts;
        sketch.numLevels = numLevels;
        sketch.caps = caps;
        sketch.count = n;
        sketch.minValue = lower;
        sketch.maxValue = upper;
        sketch.rngState = rng;
        return sketch;
    }
    /** One fair bit from the xorshift32 generator (Marsaglia 2003, shifts 13/17/5). */
    nextBit() {
        let x = this.rngState;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        this.rngState = x >>> 0;
        return x >>> 31;
    }
    /** Keeps every other item of the sorted even-length run buf[start, start+length), into its first half. */
    halveDown(buf, start, length) {
        const half = length >>> 1;
        let j = start + this.nextBit();
        for (let i = start; i < start + half; i++, j += 2)
            buf[i] = buf[j];
    }
    /** As halveDown, but the kept items end up in the second half of the run. */
    halveUp(buf, start, length) {
        const half = length >>> 1;
        let j = start + length - 1 - this.nextBit();
        for (let i = start + length - 1; i >= start + half; i--, j -= 2)
            buf[i] = buf[j];
    }
    /**
     * Frees space in a full sketch (levels[0] === 0) by compacting the lowest level at or over its
     * capacity, adding a level first when that is the top one (DataSketches'
     * `compressWhileUpdatingSketch`).
     */
    compressWhileUpdating() {
        let level = 0;
        while (this.levels[level + 1] - this.levels[level] < this.caps[level])
            level++;
        if (level === this.numLevels - 1)
            this.addTopLevel();
        const levels = this.levels;
        const items = this.items;
        const rawBeg = levels[level];
        const rawLim = levels[level + 1];
        const popAbove = levels[level + 2] - rawLim;
        const rawPop = rawLim - rawBeg;
        const odd = rawPop & 1;
        const adjBeg = rawBeg + odd;
        const adjPop = rawPop - odd;
        const half = adjPop >>> 1;
        if (level === 0)
            sortRange(items, adjBeg, adjBeg + adjPop);
        if (popAbove === 0) {
            this.halveUp(items, adjBeg, adjPop);
        }
        else {
            this.halveDown(items, adjBeg, adjPop);
            mergeSorted(items, adjBeg, half, items, rawLim, popAbove, items, adjBeg + half);
        }
        const newStart = rawLim - half;
        levels[level + 1] = newStart;
        if (odd === 1) {
            levels[level] = newStart - 1;
            if (newStart - 1 !== rawBeg)
                items[newStart - 1] = items[rawBeg];
        }
        else {
            levels[level] = newStart;
        }
        if (level > 0) {
            const bottom = levels[0];
            items.copyWithin(bottom + half, bottom, rawBeg);
        }
        for (let h = 0; h < level; h++)
            levels[h] = levels[h] + half;
    }
    /** Adds an empty top level to a full sketch, growing the items array by the new bottom capacity. */
    addTopLevel() {
        const grown = capacities(this.k, this.numLevels + 1);
        const delta = grown.total - this.items.length;
        const items = new Float64Array(grown.total);
        items.set(this.items, delta);
        for (let h = 0; h <= this.numLevels; h++)
            this.levels[h] = this.levels[h] + delta;
        this.levels.push(grown.total);
        this.items = items;
        this.numLevels += 1;
        this.caps = grown.caps;
    }
    /**
     * DataSketches' `generalCompress`: walks the levels of `buf` bottom-up, compacting a level when the
     * whole is over the total capacity and that level over its own, adding levels as needed, and
     * writes the result into the front of the same buffer (outputs never overtake inputs).
     */
    generalCompress(numLevelsIn, buf, inLevels, outLevels) {
        const k = this.k;
        let numLevels = numLevelsIn;
        let population = inLevels[numLevels] - inLevels[0];
        let target = capacities(k, numLevels).total;
        outLevels[0] = 0;
        let level = 0;
        for (;;) {
            if (level === numLevels - 1)
                inLevels[level + 2] = inLevels[level + 1];
            const rawBeg = inLevels[level];
            const rawLim = inLevels[level + 1];
            const rawPop = rawLim - rawBeg;
            const outBeg = outLevels[level];
            if (population < target || rawPop < levelCapacity(k, numLevels, level)) {
                buf.copyWithin(outBeg, rawBeg, rawLim);
                outLevels[level + 1] = outBeg + rawPop;
            }
            else {
                const popAbove = inLevels[level + 2] - rawLim;
                const odd = rawPop & 1;
                const adjBeg = rawBeg + odd;
                const adjPop = rawPop - odd;
                const half = adjPop >>> 1;
                if (odd === 1) {
                    buf[outBeg] = buf[rawBeg];
                    outLevels[level + 1] = outBeg + 1;
                }
                else {
                    outLevels[level + 1] = outBeg;
                }
                if (level === 0)
                    sortRange(buf, adjBeg, adjBeg + adjPop);
                if (popAbove === 0) {
                    this.halveUp(buf, adjBeg, adjPop);
                }
                else {
                    this.halveDown(buf, adjBeg, adjPop);
                    mergeSorted(buf, adjBeg, half, buf, rawLim, popAbove, buf, adjBeg + half);
                }
                population -= half;
                inLevels[level + 1] = rawLim - half;
                if (level === numLevels - 1) {
                    numLevels += 1;
                    target += levelCapacity(k, numLevels, 0);
                }
            }
            if (level === numLevels - 1)
                break;
            level += 1;
        }
        return { numLevels, capacity: target, population };
    }
    /** The retained values sorted ascending with their cumulative weights; cached until n changes. */
    sortedView() {
        if (this.view !== null && this.view.n === this.count)
            return this.view;
        const size = this.retained;
        const values = new Float64Array(size);
        const weights = new Float64Array(size);
        const order = new Uint32Array(size);
        let i = 0;
        for (let h = 0; h < this.numLevels; h++) {
            const w = 2 ** h;
            for (let j = this.levels[h]; j < this.levels[h + 1]; j++, i++) {
                values[i] = this.items[j];
                weights[i] = w;
                order[i] = i;
            }
        }
        order.sort((a, b) => {
            const x = values[a];
            const y = values[b];
            return x < y ? -1 : x > y ? 1 : 0;
        });
        const sorted = new Float64Array(size);
        const cumulative = new Float64Array(size);
        let total = 0;
        for (let r = 0; r < size; r++) {
            const at = order[r];
            sorted[r] = values[at];
            total += weights[at];
            cumulative[r] = total;
        }
        this.view = { n: this.count, values: sorted, cumulative };
        return this.view;
    }
}
function checkFraction(q) {
    if (!(q >= 0 && q <= 1))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`A quantile fraction must lie in [0, 1], got ${String(q)}.`);
}
function show(value) {
    return JSON.stringify(value) ?? String(value);
}


/***/ }),

/***/ 7143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ startWorker),
/* harmony export */   WJ: () => (/* binding */ isScanWorker),
/* harmony export */   Xi: () => (/* binding */ scanJob),
/* harmony export */   Z9: () => (/* binding */ defaultThreads),
/* harmony export */   dO: () => (/* binding */ useWorkerScript),
/* harmony export */   fR: () => (/* binding */ runScanWorker),
/* harmony export */   w0: () => (/* binding */ scanRanges),
/* harmony export */   wF: () => (/* binding */ workerScript)
/* harmony export */ });
/* unused harmony exports SCAN_TASK, scanRange */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _data_csv_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7280);
/* harmony import */ var _data_local_file_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5250);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4296);
/* harmony import */ var _schema_unique_index_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5149);
/* harmony import */ var _table_scan_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5671);
/**
 * The threads of a parallel CSV scan: the main thread and each worker take byte ranges of a local
 * file from a shared counter and scan them; a worker posts each ScanPart back. Bundled actions start
 * workers on their own entry file, which calls runScanWorker when it is not the main thread.
 */







const SCAN_TASK = 'cd4ml-csv-range';
/** A job over `ranges` with a fresh shared counter. */
function scanJob(fields) {
    return { kind: SCAN_TASK, ...fields, next: new Int32Array(new SharedArrayBuffer(4)) };
}
/** Scans range `index` of the job; any error becomes a message (the main thread decides whether it is real). */
async function scanRange(job, index) {
    try {
        const source = await (0,_data_local_file_js__WEBPACK_IMPORTED_MODULE_3__/* .localFileSource */ .T)(job.path, job.name);
        const scan = new _table_scan_js__WEBPACK_IMPORTED_MODULE_6__/* .TableScan */ .k({ schema: job.schema, maxExamples: job.maxExamples });
        scan.columns(job.columns, job.name);
        const end = await (0,_data_csv_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .readCsvRange */ .Mj)(source, scan, job.delimiter, job.ranges[index]);
        return { part: scan.result(), end };
    }
    catch (error) {
        return { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error) };
    }
}
/** Takes ranges of the job and scans them, one at a time, until none is left. */
async function scanRanges(job, done) {
    for (;;) {
        const index = Atomics.add(job.next, 0, 1);
        if (index >= job.ranges.length)
            return;
        done(index, await scanRange(job, index));
    }
}
/** True when this thread was started to scan ranges. */
function isScanWorker() {
    return node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort !== null && node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.workerData?.kind === SCAN_TASK;
}
/**
 * Scans ranges of the job it was started with (a spare worker: of the job it is sent), posting each
 * reply (its key logs transferred, not copied), then ends.
 */
async function runScanWorker() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort;
    const start = node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.workerData;
    const job = 'ranges' in start ? start : await new Promise((resolve) => port.once('message', resolve));
    await scanRanges(job, (index, reply) => {
        const transfer = [];
        if ('part' in reply) {
            for (const checks of reply.part.checks)
                if (checks?.unique)
                    transfer.push(...(0,_schema_unique_index_js__WEBPACK_IMPORTED_MODULE_5__/* .keyLogBuffers */ .jV)(checks.unique));
            if (reply.part.key)
                transfer.push(...(0,_schema_unique_index_js__WEBPACK_IMPORTED_MODULE_5__/* .keyLogBuffers */ .jV)(reply.part.key));
        }
        port.postMessage({ index, reply }, transfer);
    });
    port.postMessage({ index: -1 });
    port.close();
}
let entryScript;
/** Workers started ahead of any job (useWorkerScript); they do not keep the process alive while unused. */
const spares = [];
/** Threads a scan uses unless told otherwise: CD4ML_THREADS (0 or 1: the calling thread only), else the machine's cores. */
function defaultThreads(env = process.env) {
    const configured = env['CD4ML_THREADS'];
    const parsed = Number(configured);
    return configured !== undefined && configured !== '' && Number.isInteger(parsed) && parsed >= 0 ? Math.max(1, parsed) : (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)();
}
/** At most this many workers are started ahead (the rest of a many-core machine's start when needed). */
const MAX_SPARES = 3;
/**
 * Names the script that runs scan workers: a bundled action's own entry file. A worker takes about
 * 0.2 s to start, so the workers a large file would get (one per core but this thread, up to
 * MAX_SPARES) start now, while the action still loads; one left unused does not keep the process alive.
 */
function useWorkerScript(path) {
    entryScript = path;
    for (let i = spares.length + 1; i < Math.min(defaultThreads(), MAX_SPARES + 1); i += 1) {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker(path, { workerData: { kind: SCAN_TASK, job: null } });
        worker.unref();
        const drop = () => {
            const at = spares.indexOf(worker);
            if (at >= 0)
                spares.splice(at, 1);
        };
        worker.once('error', drop);
        worker.once('exit', drop);
        spares.push(worker);
    }
}
/** The script set by useWorkerScript, if any (none in tests that import the sources directly). */
function workerScript() {
    return entryScript;
}
/** A worker scanning ranges of the job: a spare one when there is one, else a new one on `script`. */
function startWorker(script, job) {
    const spare = script === entryScript ? spares.shift() : undefined;
    if (spare === undefined)
        return new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker(script, { workerData: job });
    spare.ref();
    spare.postMessage(job);
    return spare;
}


/***/ }),

/***/ 5671:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  k: () => (/* binding */ TableScan)
});

// UNUSED EXPORTS: CHECKPOINT_ROWS

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
// EXTERNAL MODULE: ./src/core/data/cell.ts
var data_cell = __nccwpck_require__(8118);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/data/table.ts
/**
 * What every reader hands its rows to. A reader (CSV/TSV, JSON Lines, Parquet) announces the columns,
 * then streams rows; the consumer (the scanner that profiles and validates) never sees the format.
 *
 * CSV rows arrive as byte ranges (`csvRow`, or many at once, `csvBatch`), so the hot path makes no
 * string per field; JSON Lines and Parquet rows arrive as JavaScript values (`valueRow`).
 */

/** Throws when a row of the batch does not have one field per column (`width`), naming its line in `source`. */
function checkFieldCounts(batch, width, source) {
    const { rowStarts } = batch;
    for (let row = 0; row < batch.rows; row += 1) {
        const count = rowStarts[row + 1] - rowStarts[row];
        if (count !== width) {
            throw new errors/* InputError */.dz(`${source}: line ${batch.lines[row]} has ${count} field${count === 1 ? '' : 's'}, but the header has ${width}; every row needs one field per column (quote fields that contain the delimiter).`);
        }
    }
}

// EXTERNAL MODULE: ./src/core/profile/column-profile.ts + 1 modules
var column_profile = __nccwpck_require__(7345);
// EXTERNAL MODULE: ./src/core/profile/hash.ts
var hash = __nccwpck_require__(7861);
// EXTERNAL MODULE: ./src/core/schema/column-checks.ts
var column_checks = __nccwpck_require__(6711);
// EXTERNAL MODULE: ./src/core/schema/unique-index.ts
var unique_index = __nccwpck_require__(5149);
;// CONCATENATED MODULE: ./src/core/scan/table-scan.ts
/**
 * One pass over one file (or one byte range of it): every cell is classified once, then profiled and
 * checked against its column's rules. The result is a plain, mergeable object (it crosses worker
 * threads as is): column profiles, check counts with examples, and the logged keys of unique columns
 * and of the table key (their duplicates are found over all parts together, scan-total.ts).
 *
 * Complexity: O(cells) time; memory O(columns) plus 12 bytes per logged key.
 */








/** Rows between two CSV checkpoints (a power of two). */
const CHECKPOINT_ROWS = 4096;
const NULL_KEY_HASH = 0x1b873593;
function mix(accumulator, hash) {
    let h = Math.imul(accumulator ^ hash, 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
    return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}
class TableScan {
    options;
    rows = 0;
    names = [];
    profiles = [];
    checks = [];
    cell = (0,data_cell/* newCell */.No)();
    scratch = Buffer.allocUnsafe(1024);
    keyColumns = null;
    keyLog = null;
    /** The key of the current row, built column by column (beginKey, then addToKey per key column). */
    keyHi = 0;
    keyLo = 0;
    checkpoints = [];
    /** A one-row batch for csvRow; the batch being profiled (csvBatch); whether it was decoded for the checks (decodeBatch). */
    oneRow = {
        buffer: Buffer.alloc(0),
        rows: 1,
        rowStarts: new Int32Array(2),
        lines: new Float64Array(1),
        offsets: new Float64Array(1),
        starts: new Int32Array(0),
        ends: new Int32Array(0),
        quoting: new Uint8Array(0),
    };
    batch = this.oneRow;
    decoded = false;
    numberView = new Float64Array(1);
    wordView = new Int32Array(this.numberView.buffer);
    source = '';
    constructor(options) {
        this.options = options;
    }
    columns(names, source) {
        this.source = source;
        const seen = new Map();
        names.forEach((name, index) => {
            if (index < this.names.length)
                return;
            if (name.length === 0)
                throw new errors/* InputError */.dz(`${source}: column ${index + 1} has no name in the header; give every column a name.`);
            const earlier = seen.get(name) ?? this.names.indexOf(name);
            if (earlier !== undefined && earlier >= 0) {
                throw new errors/* InputError */.dz(`${source}: the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique.`);
            }
            seen.set(name, index);
            const profile = new column_profile/* ColumnProfile */.o();
            profile.addNulls(this.rows);
            this.profiles.push(profile);
            const rules = this.options.schema?.columns.get(name);
            const checks = rules === undefined ? null : new column_checks/* ColumnChecks */.s(rules, this.options.maxExamples);
            checks?.absorbMissing(this.rows);
            this.checks.push(checks);
        });
        this.names = [...names];
        const key = this.options.schema?.table.key;
        if (key !== undefined) {
            const indexes = key.map((column) => this.names.indexOf(column));
            if (indexes.every((index) => index >= 0)) {
                this.keyColumns = indexes;
                this.keyLog ??= new unique_index/* KeyLog */.kO();
            }
        }
    }
    /** A CSV row (readers hand over batches, csvBatch, where they can). */
    csvRow(row) {
        const one = this.oneRow;
        one.buffer = row.buffer;
        one.rowStarts[1] = row.count;
        one.lines[0] = row.line;
        one.offsets[0] = row.offset;
        one.starts = row.starts;
        one.ends = row.ends;
        one.quoting = row.quoting;
        this.csvBatch(one);
    }
    /** CSV rows, profiled and checked one column at a time (a tight loop per column), then their table key. */
    csvBatch(batch) {
        const width = this.names.length;
        const rows = batch.rows;
        const rowStarts = batch.rowStarts;
        checkFieldCounts(batch, width, this.source);
        // Every row has `width` fields, so row r's fields start at rowStarts[0] + r·width.
        const firstRow = this.rows + 1;
        this.rows += rows;
        for (let row = (CHECKPOINT_ROWS + 1 - (firstRow % CHECKPOINT_ROWS)) % CHECKPOINT_ROWS; row < rows; row += CHECKPOINT_ROWS) {
            this.checkpoints.push(firstRow + row, batch.offsets[row], batch.lines[row]);
        }
        this.batch = batch;
        this.decoded = false;
        this.cell.decodedFrom = data_cell/* NOTHING_DECODED */.Rp;
        for (let column = 0; column < width; column += 1)
            this.scanColumn(column, rows, width, firstRow);
        const keyColumns = this.keyColumns;
        if (keyColumns !== null) {
            const buffer = batch.buffer;
            const cell = this.cell;
            for (let row = 0, base = rowStarts[0]; row < rows; row += 1, base += width) {
                this.beginKey();
                for (const column of keyColumns) {
                    const at = base + column;
                    const quoting = batch.quoting[at];
                    if (quoting === 2)
                        this.unescape(buffer, batch.starts[at], batch.ends[at]);
                    else
                        (0,data_cell/* classifyBytes */.E)(cell, buffer, batch.starts[at], batch.ends[at], quoting !== 0);
                    this.addToKey(cell);
                }
                this.keyLog.add(this.keyHi, this.keyLo, firstRow + row);
            }
        }
        this.batch = this.oneRow;
    }
    scanColumn(column, rows, width, firstRow) {
        const cell = this.cell;
        const batch = this.batch;
        const buffer = batch.buffer;
        const starts = batch.starts;
        const ends = batch.ends;
        const quotings = batch.quoting;
        const lines = batch.lines;
        const profile = this.profiles[column];
        const checks = this.checks[column];
        // Texts tested one by one (no category table caches their verdicts): decode the batch once.
        if (checks !== null && checks.needsText && profile.categories === null && !this.decoded)
            this.decodeBatch(rows, width);
        for (let row = 0, at = batch.rowStarts[0] + column; row < rows; row += 1, at += width) {
            const quoting = quotings[at];
            if (quoting === 2) {
                this.unescape(buffer, starts[at], ends[at]);
            }
            else {
                (0,data_cell/* classifyBytes */.E)(cell, buffer, starts[at], ends[at], quoting !== 0);
            }
            const entry = profile.add(cell);
            if (checks !== null)
                checks.check(cell, entry, profile.lastHash, profile.lastLength, firstRow + row, lines[row]);
        }
    }
    /** Decodes the batch's bytes at once for the checks that test texts, when they are ASCII (transientText). */
    decodeBatch(rows, width) {
        this.decoded = true;
        const batch = this.batch;
        const buffer = batch.buffer;
        const from = batch.starts[batch.rowStarts[0]];
        const to = batch.ends[batch.rowStarts[0] + rows * width - 1];
        if (!(0,external_node_buffer_.isAscii)(buffer.subarray(from, to)))
            return;
        this.cell.decoded = buffer.toString('latin1', from, to);
        this.cell.decodedBase = from;
        this.cell.decodedFrom = buffer;
    }
    /** Classifies a quoted field with `""` escapes, resolved into the scratch buffer. */
    unescape(buffer, start, end) {
        if (this.scratch.length < end - start)
            this.scratch = Buffer.allocUnsafe(Math.max(end - start, this.scratch.length * 2));
        let length = 0;
        for (let i = start; i < end; i += 1) {
            this.scratch[length++] = buffer[i];
            if (buffer[i] === 0x22)
                i += 1;
        }
        (0,data_cell/* classifyBytes */.E)(this.cell, this.scratch, 0, length, true);
    }
    valueRow(values, line) {
        const rowNumber = ++this.rows;
        const cell = this.cell;
        const width = this.names.length;
        for (let i = 0; i < width; i += 1) {
            this.scratch = (0,data_cell/* classifyValue */.Ws)(cell, values[i], this.scratch);
            const profile = this.profiles[i];
            const entry = profile.add(cell);
            const checks = this.checks[i];
            if (checks !== null)
                checks.check(cell, entry, profile.lastHash, profile.lastLength, rowNumber, line);
        }
        const keyColumns = this.keyColumns;
        if (keyColumns !== null) {
            this.beginKey();
            for (const column of keyColumns) {
                this.scratch = (0,data_cell/* classifyValue */.Ws)(cell, values[column], this.scratch);
                this.addToKey(cell);
            }
            this.keyLog.add(this.keyHi, this.keyLo, rowNumber);
        }
    }
    beginKey() {
        this.keyHi = 0x2545f491;
        this.keyLo = 0x6c078965;
    }
    addToKey(cell) {
        const kind = cell.kind;
        if (kind === data_cell/* NULL */.Cq) {
            this.keyHi = mix(this.keyHi, NULL_KEY_HASH);
            this.keyLo = mix(this.keyLo, NULL_KEY_HASH);
        }
        else if (kind === data_cell/* INTEGER */.vh || kind === data_cell/* NUMBER */.uk) {
            this.numberView[0] = cell.value;
            this.keyHi = mix(this.keyHi, this.wordView[1]);
            this.keyLo = mix(this.keyLo, this.wordView[0]);
        }
        else {
            this.keyHi = mix(this.keyHi, (0,hash/* signedHashBytes */.i4)(cell.buffer, cell.start, cell.end, 0x85ebca6b));
            this.keyLo = mix(this.keyLo, (0,hash/* signedHashBytes */.i4)(cell.buffer, cell.start, cell.end, hash/* HASH_SEED_HIGH */.aG));
        }
    }
    result() {
        return {
            source: this.source,
            rows: this.rows,
            columns: this.names,
            profiles: this.profiles.map((profile) => profile.toState()),
            checks: this.checks.map((checks) => checks?.toState() ?? null),
            key: this.keyLog === null ? null : this.keyLog.toState(),
            checkpoints: this.checkpoints,
        };
    }
}


/***/ }),

/***/ 6711:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ ROW_RULES),
/* harmony export */   s: () => (/* binding */ ColumnChecks)
/* harmony export */ });
/* harmony import */ var _data_cell_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8118);
/* harmony import */ var _profile_category_table_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3372);
/* harmony import */ var _profile_hash_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7861);
/* harmony import */ var _unique_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5149);
/**
 * The row-level rules of one column, applied to each classified cell as it is read: type, bounds,
 * allowed values, pattern, text length, uniqueness and nullability. Each rule counts its failures and
 * keeps the first few failing values with their row and line. Table-wide rules (null fraction,
 * `mostly`, row counts, extra or missing columns, keys) are judged at the end (evaluate.ts).
 *
 * Verdicts for `allowed` and `pattern` are cached per distinct value while the column's category
 * table tracks it, so a low-cardinality column tests each value once. `unique` only logs each value's
 * key here; the duplicates are found once every part of the dataset is scanned (unique-index.ts).
 *
 * Complexity: O(1) per cell and rule (O(length) for pattern and length rules).
 */




const ROW_RULES = ['type', 'nullable', 'min', 'max', 'exclusive_min', 'exclusive_max', 'allowed', 'pattern', 'min_length', 'max_length', 'unique'];
const [TYPE, NULLABLE, MIN, MAX, EXCLUSIVE_MIN, EXCLUSIVE_MAX, ALLOWED, PATTERN, MIN_LENGTH, MAX_LENGTH, UNIQUE] = ROW_RULES.map((_, i) => i);
/** The cell kinds each type accepts, one bit per kind. */
const EVERY_KIND = 0xff;
const ACCEPTS = {
    integer: 1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .INTEGER */ .vh,
    number: (1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .INTEGER */ .vh) | (1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NUMBER */ .uk),
    boolean: 1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .BOOLEAN */ .Jx,
    date: 1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATE */ .vH,
    datetime: (1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATE */ .vH) | (1 << _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATETIME */ .cD),
    string: EVERY_KIND,
    category: EVERY_KIND,
};
/** A bound as compared: numbers as such, dates and datetimes as epoch milliseconds. */
function boundValue(bound) {
    if (bound === undefined)
        return undefined;
    if (typeof bound === 'number')
        return bound;
    const cell = (0,_data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .newCell */ .No)();
    const bytes = Buffer.from(bound, 'utf8');
    (0,_data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyBytes */ .E)(cell, bytes, 0, bytes.length, true);
    return cell.kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATE */ .vH || cell.kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATETIME */ .cD ? cell.value : Number.NaN;
}
class ColumnChecks {
    rules;
    maxExamples;
    failures = new Float64Array(ROW_RULES.length);
    examples = ROW_RULES.map(() => []);
    /** Kinds the type accepts, one bit per kind (every kind without a type). */
    accepts;
    min;
    max;
    exclusiveMin;
    exclusiveMax;
    hasBounds;
    allowed;
    pattern;
    allowedVerdicts = new Uint8Array(_profile_category_table_js__WEBPACK_IMPORTED_MODULE_3__/* .CATEGORY_CAPACITY */ .a);
    patternVerdicts = new Uint8Array(_profile_category_table_js__WEBPACK_IMPORTED_MODULE_3__/* .CATEGORY_CAPACITY */ .a);
    minLength;
    maxLength;
    nullable;
    unique;
    /** Whether checking a value can need its text (allowed values, a pattern). */
    needsText;
    numberView = new Float64Array(1);
    wordView = new Int32Array(this.numberView.buffer);
    constructor(rules, maxExamples) {
        this.rules = rules;
        this.maxExamples = maxExamples;
        this.accepts = rules.type === undefined ? EVERY_KIND : ACCEPTS[rules.type];
        this.min = boundValue(rules.min);
        this.max = boundValue(rules.max);
        this.exclusiveMin = boundValue(rules.exclusiveMin);
        this.exclusiveMax = boundValue(rules.exclusiveMax);
        this.hasBounds = this.min !== undefined || this.max !== undefined || this.exclusiveMin !== undefined || this.exclusiveMax !== undefined;
        this.allowed = rules.allowed === undefined ? undefined : new Set(rules.allowed);
        this.pattern = rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
        this.minLength = rules.minLength;
        this.maxLength = rules.maxLength;
        this.nullable = rules.nullable !== false;
        this.unique = rules.unique === true ? new _unique_index_js__WEBPACK_IMPORTED_MODULE_2__/* .KeyLog */ .kO() : null;
        this.needsText = this.allowed !== undefined || this.pattern !== undefined;
    }
    /**
     * Checks one cell; `entry` is its category entry (or -1), `hash` its profile hash and `length` its
     * length in code points when it is text (as the profile measured it; other kinds are ASCII).
     */
    check(cell, entry, hash, length, row, line) {
        const kind = cell.kind;
        if (kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NULL */ .Cq) {
            if (!this.nullable)
                this.fail(NULLABLE, cell, row, line);
            return;
        }
        if (((this.accepts >> kind) & 1) === 0) {
            this.fail(TYPE, cell, row, line);
            return;
        }
        if (this.hasBounds)
            this.checkBounds(cell, row, line);
        // A category entry stands for exact bytes only for text-like cells; numbers and booleans share one
        // entry across spellings (007 and 7, TRUE and true), which allowed and pattern tell apart.
        if (kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .INTEGER */ .vh || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NUMBER */ .uk || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .BOOLEAN */ .Jx)
            entry = -1;
        if (this.allowed !== undefined) {
            let verdict = entry >= 0 ? this.allowedVerdicts[entry] : 0;
            if (verdict === 0) {
                verdict = this.allowed.has((0,_data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .transientText */ .E2)(cell)) ? 1 : 2;
                if (entry >= 0)
                    this.allowedVerdicts[entry] = verdict;
            }
            if (verdict === 2)
                this.fail(ALLOWED, cell, row, line);
        }
        if (this.pattern !== undefined) {
            let verdict = entry >= 0 ? this.patternVerdicts[entry] : 0;
            if (verdict === 0) {
                verdict = this.pattern.test((0,_data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .transientText */ .E2)(cell)) ? 1 : 2;
                if (entry >= 0)
                    this.patternVerdicts[entry] = verdict;
            }
            if (verdict === 2)
                this.fail(PATTERN, cell, row, line);
        }
        if (this.minLength !== undefined || this.maxLength !== undefined) {
            const characters = kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .TEXT */ .a$ ? length : cell.end - cell.start;
            if (this.minLength !== undefined && characters < this.minLength)
                this.fail(MIN_LENGTH, cell, row, line);
            if (this.maxLength !== undefined && characters > this.maxLength)
                this.fail(MAX_LENGTH, cell, row, line);
        }
        if (this.unique !== null) {
            let hi;
            let lo;
            if (kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .INTEGER */ .vh || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NUMBER */ .uk) {
                this.numberView[0] = cell.value;
                hi = this.wordView[1];
                lo = this.wordView[0];
            }
            else {
                hi = hash;
                lo = (0,_profile_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .signedHashBytes */ .i4)(cell.buffer, cell.start, cell.end, _profile_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .HASH_SEED_HIGH */ .aG);
            }
            this.unique.add(hi, lo, row);
        }
    }
    checkBounds(cell, row, line) {
        const kind = cell.kind;
        const comparable = kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .INTEGER */ .vh || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NUMBER */ .uk || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATE */ .vH || kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .DATETIME */ .cD;
        const x = comparable ? cell.value : Number.NaN;
        // A value that cannot be compared (text where a number is expected) fails every bound it meets.
        if (this.min !== undefined && !(x >= this.min))
            this.fail(MIN, cell, row, line);
        if (this.max !== undefined && !(x <= this.max))
            this.fail(MAX, cell, row, line);
        if (this.exclusiveMin !== undefined && !(x > this.exclusiveMin))
            this.fail(EXCLUSIVE_MIN, cell, row, line);
        if (this.exclusiveMax !== undefined && !(x < this.exclusiveMax))
            this.fail(EXCLUSIVE_MAX, cell, row, line);
    }
    fail(rule, cell, row, line) {
        this.failures[rule] = this.failures[rule] + 1;
        const examples = this.examples[rule];
        if (examples.length < this.maxExamples)
            examples.push({ row, line, value: cell.kind === _data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .NULL */ .Cq ? null : (0,_data_cell_js__WEBPACK_IMPORTED_MODULE_0__/* .cellText */ .Ie)(cell) });
    }
    toState() {
        return { failures: Array.from(this.failures), examples: this.examples, unique: this.unique?.toState() ?? null };
    }
    /** Counts `rows` rows in which the column is absent (a file without it): nulls, without examples. */
    absorbMissing(rows) {
        if (!this.nullable)
            this.failures[NULLABLE] = this.failures[NULLABLE] + rows;
    }
    /**
     * Adds the state of the rows that follow this one's (the next byte range or file): its rows and
     * lines are shifted by `rowBase` and `lineBase`. Its unique keys are left to the caller.
     */
    absorb(state, rowBase, lineBase, source) {
        for (let rule = 0; rule < ROW_RULES.length; rule += 1) {
            this.failures[rule] = this.failures[rule] + state.failures[rule];
            const examples = this.examples[rule];
            for (const example of state.examples[rule]) {
                if (examples.length >= this.maxExamples)
                    break;
                const shifted = { row: example.row + rowBase, line: example.line + lineBase, value: example.value };
                const from = example.source ?? source;
                if (from !== undefined)
                    shifted.source = from;
                examples.push(shifted);
            }
        }
    }
    /** Sets the verdicts of the unique rule, found over every part (ScanTotal). */
    setDuplicates(failures, examples) {
        this.failures[UNIQUE] = failures;
        this.examples[UNIQUE] = examples;
    }
}


/***/ }),

/***/ 5149:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ir: () => (/* binding */ findDuplicates),
/* harmony export */   jV: () => (/* binding */ keyLogBuffers),
/* harmony export */   kO: () => (/* binding */ KeyLog)
/* harmony export */ });
/**
 * Exact duplicate detection for `unique` columns and `key` column sets, in two steps so that no step
 * probes a table larger than the CPU caches (a set of millions of keys probed in row order costs a
 * cache miss per value):
 *
 * 1. While scanning, KeyLog appends each value's 64-bit key with its row number to one of 256
 *    partitions chosen by the key's hash. Numbers are keyed by their exact IEEE-754 bits; text by two
 *    independent 32-bit MurmurHash3 values, so two different texts collide with probability about
 *    n²/2⁶⁵ over n values (under 10⁻⁶ for 5 million rows). Nothing is looked up.
 * 2. At the end, findDuplicates walks the logs of every part of the dataset (byte ranges, files) in
 *    order, one partition at a time, through a hash set of that partition's keys only: a key already
 *    in the set is a duplicate. The verdicts are those of one pass in row order: a key's first
 *    occurrence passes, every later one fails, wherever the parts were scanned.
 *
 * Complexity: O(1) per value while scanning, O(n) at the end; 12 bytes per value, plus a set of
 * about 2/256 of the keys at the end.
 */
const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** A partition's keys are kept in blocks of BLOCK_KEYS keys, allocated from pages of PAGE_BLOCKS blocks. */
const BLOCK_KEYS = 256;
const BLOCK_WORDS = 3 * BLOCK_KEYS;
const PAGE_BLOCKS = 64;
const NO_PAGE = new Uint32Array(0);
/**
 * Spreads every bit of a key (its words signed or not) over 32 bits, returned signed: the top bits
 * pick the partition, the low bits the slot.
 */
function spread(hi, lo) {
    // Integers as doubles have all-zero low words and low bits: mix every bit in.
    let h = Math.imul(hi ^ (hi >>> 16), 0x85ebca6b) ^ lo;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
}
class KeyLog {
    pages = [];
    blocks = 0;
    /** Per block, the partition's next block (-1: none yet). */
    nextBlock = new Int32Array(PAGE_BLOCKS);
    /** Per partition: its first and last block, and where the next key goes in the last one. */
    first = new Int32Array(PARTITIONS).fill(-1);
    last = new Int32Array(PARTITIONS).fill(-1);
    page = new Array(PARTITIONS).fill(NO_PAGE);
    at = new Int32Array(PARTITIONS);
    end = new Int32Array(PARTITIONS);
    /** Logs the key (hi, lo) of `row`; its words may be signed or not. */
    add(hi, lo, row) {
        const partition = spread(hi, lo) >>> (32 - PARTITION_BITS);
        let at = this.at[partition];
        if (at === this.end[partition])
            at = this.newBlock(partition);
        const page = this.page[partition];
        page[at] = hi;
        page[at + 1] = lo;
        page[at + 2] = row;
        this.at[partition] = at + 3;
    }
    /** Starts a new last block for the partition; returns where its first key goes. */
    newBlock(partition) {
        const block = this.blocks++;
        if (block % PAGE_BLOCKS === 0)
            this.pages.push(new Uint32Array(PAGE_BLOCKS * BLOCK_WORDS));
        if (block === this.nextBlock.length) {
            const grown = new Int32Array(block * 2);
            grown.set(this.nextBlock);
            this.nextBlock = grown;
        }
        this.nextBlock[block] = -1;
        const previous = this.last[partition];
        if (previous < 0)
            this.first[partition] = block;
        else
            this.nextBlock[previous] = block;
        this.last[partition] = block;
        const at = (block % PAGE_BLOCKS) * BLOCK_WORDS;
        this.page[partition] = this.pages[Math.floor(block / PAGE_BLOCKS)];
        this.end[partition] = at + BLOCK_WORDS;
        return at;
    }
    /** The logged keys (sharing this log's memory, which is not to be used after; each array has its own ArrayBuffer). */
    toState() {
        return { pages: this.pages, next: this.nextBlock.slice(0, this.blocks), first: this.first, last: this.last, filled: this.at };
    }
}
/** The ArrayBuffers behind a log's state, for postMessage's transfer list. */
function keyLogBuffers(state) {
    return [...state.pages, state.next, state.first, state.last, state.filled].map((array) => array.buffer);
}
/** Finds the duplicates among the keys of `parts`, taken in order (each part's rows after the previous part's). */
function findDuplicates(parts, limit) {
    let table = new Uint32Array(0);
    let failures = 0;
    const rows = [];
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
        let count = 0;
        for (const { log } of parts) {
            for (let block = log.first[partition]; block >= 0; block = log.next[block]) {
                const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
                count += ((block === log.last[partition] ? log.filled[partition] : from + BLOCK_WORDS) - from) / 3;
            }
        }
        if (count === 0)
            continue;
        let slots = 16;
        while (slots < count * 2)
            slots *= 2;
        if (table.length < slots * 2)
            table = new Uint32Array(slots * 2);
        else
            table.fill(0, 0, slots * 2);
        const mask = slots - 1;
        // The all-zero key (the number 0) is kept apart: all-zero slots are empty.
        let zero = false;
        for (const { log, base } of parts) {
            for (let block = log.first[partition]; block >= 0; block = log.next[block]) {
                const keys = log.pages[Math.floor(block / PAGE_BLOCKS)];
                const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
                const to = block === log.last[partition] ? log.filled[partition] : from + BLOCK_WORDS;
                for (let i = from; i < to; i += 3) {
                    const hi = keys[i];
                    const lo = keys[i + 1];
                    let duplicate = false;
                    if (hi === 0 && lo === 0) {
                        duplicate = zero;
                        zero = true;
                    }
                    else {
                        let slot = spread(hi, lo) & mask;
                        for (;;) {
                            const h = table[slot * 2];
                            const l = table[slot * 2 + 1];
                            if (h === 0 && l === 0) {
                                table[slot * 2] = hi;
                                table[slot * 2 + 1] = lo;
                                break;
                            }
                            if (h === hi && l === lo) {
                                duplicate = true;
                                break;
                            }
                            slot = (slot + 1) & mask;
                        }
                    }
                    if (duplicate) {
                        failures += 1;
                        keepFirst(rows, base + keys[i + 2], limit);
                    }
                }
            }
        }
    }
    return { failures, rows };
}
/** Inserts `row` into the ascending list `rows` of the smallest rows seen, which holds at most `limit`. */
function keepFirst(rows, row, limit) {
    if (rows.length === limit && (limit === 0 || row >= rows[limit - 1]))
        return;
    let at = rows.length;
    while (at > 0 && rows[at - 1] > row)
        at -= 1;
    rows.splice(at, 0, row);
    if (rows.length > limit)
        rows.pop();
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2265);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
