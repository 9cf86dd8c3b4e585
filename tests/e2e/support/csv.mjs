// Reading the CSV files the app downloads.

/**
 * Rows of a CSV text, read strictly as RFC 4180 says: each record ends with CRLF, and a quoted
 * field may hold commas, quotes and line breaks. A line break outside quotes that is not CRLF
 * throws, naming where it is.
 */
export function parseCsv(text) {
  const out = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare ${c === '\n' ? 'LF' : 'CR'} ends a line at character ${i}, not CRLF: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 2))}`);
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error(`the last record does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return out;
}
