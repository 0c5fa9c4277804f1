//! PDF reports read back with pdftotext (issue 14). (Being written.)
