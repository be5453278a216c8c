import PDFDocument from 'pdfkit';
import { STATUS_LABELS_FR, briefSections, type Brief, type WorkshopExport } from '@gommette/shared';

/**
 * A4 PDFs drawn with pdfkit's built-in Helvetica (no font file to ship). Its encoding covers French;
 * text in other scripts (Arabic…) is replaced by "?" rather than drawn as garbage — the Markdown,
 * CSV and JSON exports keep every character.
 */
const MARGIN_PT = 56;

function latin(text: string): string {
  // WinAnsi covers Latin-1 and a few typographic signs; anything else becomes "?".
  // eslint-disable-next-line no-control-regex -- tabs and line breaks are kept on purpose
  return text.normalize('NFC').replace(/[^\u0009\u000A\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u20AC\u0152\u0153]/g, '?');
}

function render(draw: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN_PT, info: { Title: latin(title), Producer: 'Gommette', Creator: 'Gommette' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function briefBody(doc: PDFKit.PDFDocument, brief: Brief): void {
  doc.font('Helvetica-Bold').fontSize(20).text(latin(brief.title));
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(`Fiche solution — statut : ${STATUS_LABELS_FR[brief.status]}`).fillColor('#000');
  doc.moveDown();
  for (const section of briefSections(brief)) {
    doc.font('Helvetica-Bold').fontSize(12).text(latin(section.heading));
    doc.font('Helvetica').fontSize(10);
    if (section.lines.length === 1) doc.text(latin(section.lines[0] ?? ''));
    else doc.list(section.lines.map(latin), { bulletRadius: 1.5 });
    doc.moveDown(0.6);
  }
}

export function briefPdf(brief: Brief): Promise<Buffer> {
  return render((doc) => briefBody(doc, brief), brief.title);
}

export function workshopPdf(data: WorkshopExport): Promise<Buffer> {
  return render((doc) => {
    const f = data.figures;
    doc.font('Helvetica-Bold').fontSize(20).text(latin(data.workshop.title));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(12).text('La question');
    doc.font('Helvetica').fontSize(10).text(latin(data.workshop.question));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(12).text('Votre participation servira à…');
    doc.font('Helvetica').fontSize(10).text(latin(data.workshop.purpose));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(12).text('Participation');
    doc.font('Helvetica').fontSize(10);
    doc.list(
      [
        `Participant·es : ${f.participants.total} (dont ${f.participants.assisted} accompagné·es)`,
        ...f.participants.bySite.map((site) => `${site.siteName} : ${site.count}`),
        `Idées : ${f.ideas.total}`,
        ...(f.gommettes ? [`Gommettes : ${f.gommettes.total} (${f.gommettes.voters} votants)`] : []),
        `Réponses au questionnaire : ${f.questionnaire.responses}`,
        ...f.questionnaire.averages.map((q) => `${q.text} : ${q.average ?? '—'} / 5`),
      ].map(latin),
      { bulletRadius: 1.5 },
    );
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(12).text('Idées');
    doc.font('Helvetica').fontSize(10);
    doc.list(
      data.ideas.map((idea) => latin(`${idea.text} (${idea.siteName})${idea.gommettes !== null ? ` — ${idea.gommettes} gommette(s)` : ''}`)),
      { bulletRadius: 1.5 },
    );
    for (const brief of data.briefs) {
      doc.addPage();
      briefBody(doc, brief);
    }
  }, data.workshop.title);
}
