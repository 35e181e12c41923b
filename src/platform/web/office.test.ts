/**
 * Uploaded Office documents are checked by their structure, not their first bytes (issue 16 item 8): the review's
 * ZIP of any content passed as .docx, and a 1 MB file inflating to 1 GiB was accepted.
 */
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkUploadedFile, cleanFileName, shortenFileName } from './files.ts';
import { checkOfficeDocument, MAX_UNPACKED_BYTES } from './office.ts';
import { xlsxWorkbook, zipArchive } from './spreadsheet.ts';

const upload = (filename: string, data: Buffer) => ({ filename, mimetype: 'x/y', size: data.length, data });
const docx = async () =>
  Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Minutes')] }] })));
const xlsx = () => xlsxWorkbook([{ name: 'Sheet', rows: [['a', 'b']] }]);
const odf = (mimetype: string) =>
  zipArchive([
    ['mimetype', mimetype],
    ['content.xml', '<office:document-content/>'],
    ['META-INF/manifest.xml', '<manifest:manifest/>'],
  ]);
const NOT_REAL = (ext: string) => ({
  ok: false,
  message: `The selected file is not a real .${ext} file. Check the file and choose it again`,
});

describe('Office documents', () => {
  it('accepts real Word, Excel and OpenDocument files', async () => {
    expect(checkUploadedFile(upload('minutes.docx', await docx()))).toMatchObject({ ok: true });
    expect(checkUploadedFile(upload('figures.xlsx', xlsx()))).toMatchObject({ ok: true });
    expect(checkOfficeDocument(odf('application/vnd.oasis.opendocument.text'), 'odt')).toEqual({ ok: true });
    expect(checkOfficeDocument(odf('application/vnd.oasis.opendocument.spreadsheet'), 'ods')).toEqual({
      ok: true,
    });
  });

  it('refuses a ZIP that is not the document its name says', async () => {
    const cases: [string, Buffer][] = [
      ['magic bytes only.docx', Buffer.from('PK\u0003\u0004rest')],
      ['any zip.docx', zipArchive([['notes.txt', 'hello']])],
      ['a workbook.docx', xlsx()],
      ['a document.xlsx', await docx()],
      ['cut short.docx', (await docx()).subarray(0, 2000)],
      [
        'no main part.docx',
        zipArchive([
          [
            '[Content_Types].xml',
            '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
          ],
        ]),
      ],
      ['a text document.ods', odf('application/vnd.oasis.opendocument.text')],
    ];
    for (const [name, data] of cases)
      expect(checkUploadedFile(upload(name, data)), name).toEqual(NOT_REAL(name.split('.').pop()!));
  });

  it('refuses a document that unpacks to more than the limit, and one that lies about its size', () => {
    const zeros = Buffer.alloc(MAX_UNPACKED_BYTES + 1);
    const bomb = zipArchive([['word/media/image.bin', zeros]]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(checkUploadedFile(upload('bomb.docx', bomb))).toEqual({
      ok: false,
      message: 'The selected file unpacks to more than 100 MB',
    });
    // The same entry declaring 10 bytes: inflating stops at 11 and the file is refused as not real.
    const lying = Buffer.from(bomb);
    const end = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    lying.writeUInt32LE(10, lying.readUInt32LE(end + 16) + 24);
    expect(checkOfficeDocument(lying, 'docx')).toEqual({ ok: false, reason: 'not-office' });
  });
});

describe('long file names keep their extension', () => {
  it('cuts the name, not the extension', () => {
    const long = `${'x'.repeat(300)}.pdf`;
    expect(shortenFileName(long, 255)).toMatch(/^x{251}\.pdf$/);
    expect(cleanFileName(shortenFileName(long, 255))).toMatch(/^x{196}\.pdf$/);
    expect(shortenFileName('short.pdf', 255)).toBe('short.pdf');
  });
});
