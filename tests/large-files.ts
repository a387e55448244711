/** Large files made at test time (never committed): what an analyst's file picker holds. */
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';

const MB = 1024 * 1024;

/** A Word report: Arabic paragraphs and a photo of `photoMegabytes` (random bytes, stored uncompressed, as JPEG data is). */
export async function wordReport(title: string, photoMegabytes: number): Promise<Buffer> {
  const paragraph = 'أعلنت السلطات في البصرة إعادة فتح ميناء الفاو أمام حركة الملاحة بعد إغلاق مؤقت استمر يومين.';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/></Relationships>',
  );
  const paragraphs = Array.from({ length: 50 }, (_, i) => `<w:p><w:r><w:t>${paragraph} (${i + 1})</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${title}</w:t></w:r></w:p>${paragraphs}</w:body></w:document>`,
  );
  zip.file('word/media/image1.jpeg', randomBytes(photoMegabytes * MB), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
