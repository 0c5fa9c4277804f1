//! Writing an export file the user chose: plaintext (after the app has said so), or encrypted with
//! a passphrase in the age format, which `age -d` opens on any machine.
//!
//! The file is written beside its final name (`.partial`) and renamed into place once complete,
//! so a failed or interrupted export never leaves a half file under the chosen name. An encrypted
//! export streams through age straight into that file: no plaintext copy is ever written, in a
//! temporary folder or anywhere else. The Markdown export, a folder when plaintext, becomes a zip
//! inside the age file when encrypted.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::secret::Passphrase;
use crate::transfer::export::json::JsonTransfer;
use crate::transfer::export::markdown::MarkdownExport;

/// How an export leaves the encryption.
#[derive(Debug, Clone, Copy)]
pub enum Protection<'a> {
    /// As it is: anyone with the file can read it.
    Plain,
    /// Encrypted in the age format under this passphrase.
    Age(&'a Passphrase),
}

impl<'a> Protection<'a> {
    /// Encrypted when a passphrase is given (what a front end sends), else plain.
    pub fn from_passphrase(passphrase: Option<&'a Passphrase>) -> Self {
        passphrase.map_or(Protection::Plain, Protection::Age)
    }
}

/// Writes an export to `path` through `write`, plain or age-encrypted, atomically.
pub fn write_export<T>(
    path: &Path,
    protection: Protection<'_>,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    if let Protection::Age(passphrase) = protection {
        passphrase.check_new()?;
    }
    let partial = partial_of(path)?;
    let written = (|| {
        let file = BufWriter::new(fs::File::create(&partial)?);
        let (value, file) = match protection {
            Protection::Plain => {
                let mut file = file;
                let value = write(&mut file)?;
                (value, file)
            }
            Protection::Age(passphrase) => {
                let secret = std::str::from_utf8(passphrase.as_bytes()).map_err(|_| {
                    Error::validation("passphrase", "Use letters, digits and symbols.")
                })?;
                let encryptor = age::Encryptor::with_user_passphrase(
                    age::secrecy::SecretString::from(secret.to_owned()),
                );
                let mut sealed = encryptor.wrap_output(file)?;
                let value = write(&mut sealed)?;
                (value, sealed.finish()?)
            }
        };
        file.into_inner()
            .map_err(|e| Error::Io(e.into_error()))?
            .sync_all()?;
        fs::rename(&partial, path)?;
        Ok(value)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

fn partial_of(path: &Path) -> Result<PathBuf> {
    check_place(path)?;
    let name = path
        .file_name()
        .ok_or_else(|| Error::validation("path", "Choose a file name for the export."))?;
    if path.is_dir() {
        return Err(Error::validation(
            "path",
            "That is a folder; choose a file name.",
        ));
    }
    Ok(path.with_file_name(format!("{}.partial", name.to_string_lossy())))
}

/// An export goes where the user chose, named in full: never a path relative to wherever the app
/// happens to run, and never into a folder that is not there.
pub(crate) fn check_place(path: &Path) -> Result<()> {
    if !path.is_absolute() || !path.parent().is_some_and(Path::is_dir) {
        return Err(Error::validation(
            "path",
            "Choose where to save the export (a folder that exists).",
        ));
    }
    Ok(())
}

impl Journal {
    /// The JSON export into a file (see `export_json`).
    pub fn export_json_to(&self, path: &Path, protection: Protection<'_>) -> Result<JsonTransfer> {
        write_export(path, protection, |out| self.export_json(out))
    }

    /// The Markdown export as a zip (one file per mentor, goals, an index) into a file; with
    /// `Protection::Plain` the folder form (`export_markdown_folder`) is usually what people want.
    pub fn export_markdown_zip_to(
        &self,
        path: &Path,
        protection: Protection<'_>,
    ) -> Result<MarkdownExport> {
        write_export(path, protection, |out| {
            let mut zip = zip::ZipWriter::new_stream(out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let done = self.markdown_files(|name, text| {
                zip.start_file(format!("Mentor Journal/{name}"), options)
                    .map_err(|e| Error::Io(std::io::Error::other(e)))?;
                zip.write_all(text.as_bytes())?;
                Ok(())
            })?;
            zip.finish()
                .map_err(|e| Error::Io(std::io::Error::other(e)))?;
            Ok(done)
        })
    }

    /// The Markdown export: a folder at `path` when plain, a zip inside an age file when encrypted.
    pub fn export_markdown(
        &self,
        path: &Path,
        protection: Protection<'_>,
    ) -> Result<MarkdownExport> {
        match protection {
            Protection::Plain => self.export_markdown_folder(path),
            Protection::Age(_) => self.export_markdown_zip_to(path, protection),
        }
    }

    /// The mentorship portfolio for `from`..=`to` as a PDF file, with the period's completed
    /// reviews when `with_reviews`.
    pub fn export_portfolio(
        &self,
        path: &Path,
        (from, to): (chrono::NaiveDate, chrono::NaiveDate),
        with_reviews: bool,
        protection: Protection<'_>,
    ) -> Result<()> {
        let portfolio = if with_reviews {
            self.portfolio_with_reviews(from, to)?
        } else {
            self.portfolio(from, to)?
        };
        let pdf = crate::transfer::report::portfolio_pdf(&portfolio)?;
        write_pdf(path, &pdf, protection)
    }

    /// The summary for one mentor as a PDF file.
    pub fn export_summary(
        &self,
        path: &Path,
        mentor: crate::mentors::MentorId,
        protection: Protection<'_>,
    ) -> Result<()> {
        let pdf = crate::transfer::report::summary_pdf(&self.mentor_summary(mentor)?)?;
        write_pdf(path, &pdf, protection)
    }
}

/// A PDF (from `portfolio_pdf` or `summary_pdf`) into a file.
pub fn write_pdf(path: &Path, pdf: &[u8], protection: Protection<'_>) -> Result<()> {
    write_export(path, protection, |out| Ok(out.write_all(pdf)?))
}
