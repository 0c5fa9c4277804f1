//! A small flowing layout over printpdf's page operations: A4 pages with margins, a title, section
//! headings, wrapped paragraphs and bullets, a page break when a page fills, and a footer with the
//! generation date and "page i of n" (known only at the end, so footers are added last).
//!
//! Lines are wrapped by measuring each glyph's advance in the DejaVu fonts (`fonts`), the same
//! widths printpdf writes into the file, so a wrapped line never runs past the margin. DejaVu Sans
//! covers Latin with every accent, Greek and Cyrillic: any mentor's name prints as spelled.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};

use crate::error::{Error, Result};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7; // 20 mm
const TOP: f32 = PAGE_H - MARGIN;
/// Lowest baseline for body text; below it sit the footer rule and line.
const BOTTOM: f32 = MARGIN + 14.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 10.0;
const LEADING: f32 = 1.4;
/// Indent of a bullet's text from its marker.
const HANG: f32 = 12.0;

const INK: (f32, f32, f32) = (0.13, 0.13, 0.15);
const ACCENT: (f32, f32, f32) = (0.11, 0.25, 0.42);
const MUTED: (f32, f32, f32) = (0.42, 0.43, 0.46);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    Regular,
    Bold,
}

#[derive(Debug)]
struct Font {
    parsed: ParsedFont,
    id: FontId,
}

#[derive(Debug)]
pub(super) struct Layout {
    doc: PdfDocument,
    regular: Font,
    bold: Font,
    done: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The top of the free space on the current page, in points from the bottom edge.
    y: f32,
    title: String,
    footer: String,
}

impl Layout {
    pub(super) fn new(title: &str, footer: String) -> Result<Self> {
        let mut doc = PdfDocument::new(title);
        let mut load = |bytes: &[u8]| -> Result<Font> {
            let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| Error::Internal("the report font could not be read".into()))?;
            let id = doc.add_font(&parsed);
            Ok(Font { parsed, id })
        };
        let (regular, bold) = super::fonts::dejavu_sans()?;
        let regular = load(&regular)?;
        let bold = load(&bold)?;
        Ok(Layout {
            doc,
            regular,
            bold,
            done: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            title: title.to_owned(),
            footer,
        })
    }

    fn font(&self, face: Face) -> &Font {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The advance width of `text` in points.
    pub(super) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = &self.font(face).parsed;
        let em = f32::from(font.units_per_em.max(1));
        let units: u32 = text
            .chars()
            .map(|c| {
                let gid = font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(font.get_glyph_width(gid).unwrap_or(font.units_per_em / 2))
            })
            .sum();
        units as f32 * size / em
    }

    /// Greedy word wrap to `max` points; a word longer than a line is broken between letters.
    pub(super) fn wrap(&self, face: Face, size: f32, text: &str, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(face, size, &candidate) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if self.width(face, size, &line) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Starts a new page unless `height` points still fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.done.push(std::mem::take(&mut self.ops));
            self.y = TOP;
        }
    }

    fn text(&mut self, face: Face, size: f32, rgb: (f32, f32, f32), x: f32, y: f32, s: &str) {
        let font = PdfFontHandle::External(self.font(face).id.clone());
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font,
                size: Pt(size),
            },
            Op::SetFillColor { col: color(rgb) },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(s.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn rule(&mut self, y: f32, rgb: (f32, f32, f32), thickness: f32) {
        let point = |x: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.extend([
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(MARGIN), point(PAGE_W - MARGIN)],
                    is_closed: false,
                },
            },
        ]);
    }

    /// Wrapped lines at `indent`, each `size * LEADING` apart, breaking pages between lines.
    fn lines(&mut self, face: Face, size: f32, rgb: (f32, f32, f32), indent: f32, text: &str) {
        for paragraph in clean(text).lines() {
            for line in self.wrap(face, size, paragraph, WIDTH - indent) {
                self.ensure(size * LEADING);
                self.y -= size * LEADING;
                self.text(face, size, rgb, MARGIN + indent, self.y + size * 0.3, &line);
            }
        }
    }

    /// The title, as large as fits on one line (20 pt down to 15 pt, wrapped only below that),
    /// over a quieter subtitle and a rule.
    pub(super) fn title(&mut self, title: &str, subtitle: &str) {
        let mut size = 20.0;
        while size > 15.0 && self.width(Face::Bold, size, title) > WIDTH {
            size -= 1.0;
        }
        self.lines(Face::Bold, size, ACCENT, 0.0, title);
        self.y -= 2.0;
        self.lines(Face::Regular, BODY, MUTED, 0.0, subtitle);
        self.y -= 8.0;
        let y = self.y;
        self.rule(y, ACCENT, 1.2);
        self.y -= 6.0;
    }

    /// A section heading, kept on a page with at least a few lines of what follows.
    pub(super) fn heading(&mut self, text: &str) {
        self.ensure(14.0 * LEADING + 18.0 + 3.0 * BODY * LEADING);
        self.y -= 14.0;
        self.lines(Face::Bold, 14.0, ACCENT, 0.0, text);
        self.y -= 2.0;
    }

    /// A heading inside a section (a mentor's name), kept with what follows.
    pub(super) fn subheading(&mut self, text: &str) {
        self.ensure(12.0 * LEADING + 10.0 + 3.0 * BODY * LEADING);
        self.y -= 8.0;
        self.lines(Face::Bold, 12.0, INK, 0.0, text);
    }

    /// A small bold label over what follows ("Goals achieved").
    pub(super) fn label(&mut self, text: &str) {
        self.ensure(BODY * LEADING * 3.0 + 4.0);
        self.y -= 4.0;
        self.lines(Face::Bold, BODY, INK, 0.0, text);
    }

    pub(super) fn para(&mut self, text: &str) {
        self.lines(Face::Regular, BODY, INK, 0.0, text);
    }

    /// Quieter text: details under a name, and "nothing here" for an empty section.
    pub(super) fn muted(&mut self, text: &str) {
        self.lines(Face::Regular, BODY, MUTED, 0.0, text);
    }

    /// `Label: value` on one line, the value wrapped in a column beside the label.
    pub(super) fn field(&mut self, label: &str, value: &str) {
        const COLUMN: f32 = 96.0;
        let lines = self.wrap(Face::Regular, BODY, &clean(value), WIDTH - COLUMN);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(BODY * LEADING);
            self.y -= BODY * LEADING;
            let baseline = self.y + BODY * 0.3;
            if i == 0 {
                self.text(Face::Bold, BODY, MUTED, MARGIN, baseline, label);
            }
            self.text(Face::Regular, BODY, INK, MARGIN + COLUMN, baseline, line);
        }
    }

    /// A bullet at `level` (0 or 1): `marker` hangs left of text wrapped under itself.
    pub(super) fn bullet(&mut self, level: u8, marker: &str, text: &str) {
        let indent = 6.0 + f32::from(level) * HANG * 1.5;
        let lines = self.wrap(Face::Regular, BODY, &clean(text), WIDTH - indent - HANG);
        let rgb = if level == 0 { INK } else { MUTED };
        for (i, line) in lines.iter().enumerate() {
            self.ensure(BODY * LEADING);
            self.y -= BODY * LEADING;
            let baseline = self.y + BODY * 0.3;
            if i == 0 {
                self.text(Face::Regular, BODY, rgb, MARGIN + indent, baseline, marker);
            }
            self.text(
                Face::Regular,
                BODY,
                rgb,
                MARGIN + indent + HANG,
                baseline,
                line,
            );
        }
    }

    pub(super) fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// Closes the last page, writes every footer and serialises the document.
    pub(super) fn finish(mut self) -> Result<Vec<u8>> {
        self.done.push(std::mem::take(&mut self.ops));
        let pages = std::mem::take(&mut self.done);
        let total = pages.len();
        let mut out = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            self.rule(MARGIN - 4.0, MUTED, 0.4);
            let y = MARGIN - 16.0;
            let footer = self.footer.clone();
            self.text(Face::Regular, 8.0, MUTED, MARGIN, y, &footer);
            if i > 0 {
                // A running head, so a loose page still says what it belongs to.
                let title = self.title.clone();
                self.text(Face::Regular, 8.0, MUTED, MARGIN, TOP + 18.0, &title);
            }
            let number = format!("Page {} of {total}", i + 1);
            let x = PAGE_W - MARGIN - self.width(Face::Regular, 8.0, &number);
            self.text(Face::Regular, 8.0, MUTED, x, y, &number);
            out.push(PdfPage::new(
                Mm(210.0),
                Mm(297.0),
                std::mem::take(&mut self.ops),
            ));
        }
        Ok(self
            .doc
            .with_pages(out)
            .save(&PdfSaveOptions::default(), &mut Vec::new()))
    }
}

fn color((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Text as it can be drawn: tabs and other control characters become spaces, line breaks stay.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}
