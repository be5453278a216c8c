import PDFDocument from 'pdfkit';
import {
  DOCUMENT_LANGUAGE,
  STATUS_LABELS_FR,
  briefSections,
  countFr,
  formatNumber,
  purposeCompletion,
  type Brief,
  type WorkshopExport,
} from '@gommette/shared';
import { paragraph, registerFonts } from './pdfText';

/**
 * A4 PDFs with an embedded font that covers Latin and Arabic (`pdfText.ts`): residents' words print
 * as they wrote them, Arabic joined and right to left, also inside a French line.
 */
const MARGIN_PT = 56;

/** A number as the (French) document writes it: "4,4", "1 234". */
const n = (value: number) => formatNumber(value, DOCUMENT_LANGUAGE);

type Fonts = ReturnType<typeof registerFonts>;

function render(draw: (doc: PDFKit.PDFDocument, fonts: Fonts) => void, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN_PT, info: { Title: title, Producer: 'Gommette', Creator: 'Gommette' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fonts = registerFonts(doc);
    draw(doc, fonts);
    doc.end();
  });
}

function heading(doc: PDFKit.PDFDocument, fonts: Fonts, text: string, size = 12): void {
  doc.font(fonts.bold).fontSize(size);
  paragraph(doc, text, { bold: true });
  doc.font(fonts.regular).fontSize(10);
}

function items(doc: PDFKit.PDFDocument, lines: ReadonlyArray<string>): void {
  for (const line of lines) paragraph(doc, line, { bullet: true });
}

function briefBody(doc: PDFKit.PDFDocument, fonts: Fonts, brief: Brief): void {
  heading(doc, fonts, brief.title, 20);
  doc.fillColor('#555');
  paragraph(doc, `Fiche solution — statut : ${STATUS_LABELS_FR[brief.status]}`);
  doc.fillColor('#000');
  doc.moveDown();
  for (const section of briefSections(brief)) {
    heading(doc, fonts, section.heading);
    if (section.lines.length === 1) paragraph(doc, section.lines[0] ?? '');
    else items(doc, section.lines);
    doc.moveDown(0.6);
  }
}

export function briefPdf(brief: Brief): Promise<Buffer> {
  return render((doc, fonts) => briefBody(doc, fonts, brief), brief.title);
}

export function workshopPdf(data: WorkshopExport): Promise<Buffer> {
  return render((doc, fonts) => {
    const f = data.figures;
    heading(doc, fonts, data.workshop.title, 20);
    doc.moveDown(0.5);
    heading(doc, fonts, 'La question');
    paragraph(doc, data.workshop.question);
    doc.moveDown(0.5);
    heading(doc, fonts, 'Votre participation servira à…');
    paragraph(doc, purposeCompletion(data.workshop.purpose));
    doc.moveDown(0.5);
    heading(doc, fonts, 'Participation');
    items(doc, [
      `Participant·es : ${n(f.participants.total)} (dont ${countFr(f.participants.assisted, 'assisted')}, ${countFr(f.returning.cards, 'returning')})`,
      ...f.participants.bySite.map((site) => `${site.siteName} : ${n(site.count)}`),
      `Idées : ${n(f.ideas.total)}`,
      ...(f.gommettes ? [`Gommettes : ${n(f.gommettes.total)} (${countFr(f.gommettes.voters, 'voters')})`] : []),
      `Réponses au questionnaire : ${n(f.questionnaire.responses)}`,
      ...f.questionnaire.averages.map((q) => `${q.text} : ${q.average === null ? '—' : n(q.average)} / 5`),
    ]);
    doc.moveDown(0.5);
    heading(doc, fonts, 'Idées');
    items(
      doc,
      data.ideas.map((idea) => `${idea.text} (${idea.siteName})${idea.gommettes !== null ? ` — ${countFr(idea.gommettes, 'gommettes')}` : ''}`),
    );
    for (const brief of data.briefs) {
      doc.addPage();
      briefBody(doc, fonts, brief);
    }
  }, data.workshop.title);
}
