// The file kinds the API accepts for documents (the domain's FILE_KINDS table, copied: the web
// bundle carries no domain code, ADR 0025; file-types.test.ts fails when the two differ). Said
// next to the file input and checked before sending, so a refused type costs no upload.
export const ACCEPTED_FILE_KINDS: Record<string, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  doc: ['doc'],
  xls: ['xls'],
  ppt: ['ppt'],
  txt: ['txt', 'text'],
  csv: ['csv'],
}

const EXTENSIONS = Object.values(ACCEPTED_FILE_KINDS).flat()

/** For the input's `accept` attribute: ".pdf,.png,…". */
export const ACCEPT_ATTRIBUTE = EXTENSIONS.map((e) => `.${e}`).join(',')

/** For people: "PDF, PNG, JPEG, …". */
export const ACCEPTED_TYPES_TEXT = Object.keys(ACCEPTED_FILE_KINDS)
  .map((k) => k.toUpperCase())
  .join(', ')

export const isAcceptedFileName = (name: string): boolean =>
  name.includes('.') && EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? '')
