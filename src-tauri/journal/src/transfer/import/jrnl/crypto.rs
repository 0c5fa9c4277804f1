//! Decrypting jrnl's encrypted journals (jrnl/encryption/Jrnlv1Encryption.py,
//! Jrnlv2Encryption.py, Jrnlv3Encryption.py): recognising v1, v2 and v3 files, deriving keys,
//! checking and opening Fernet tokens, and v1's AES-256-CBC. Kept apart so that everything
//! touching passwords and keys is in one small file; the plain text it yields goes to `text`.

use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding, block_padding::Pkcs7};
use data_encoding::{BASE64, BASE64URL, BASE64URL_NOPAD};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::transfer::import::refuse;

/// jrnl's fixed v2 salt (see its advisory GHSA-rhx6-37mm-5q9r); v3 stores a random one.
const V2_SALT: &[u8] = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8";
const ITERATIONS: u32 = 100_000;
const V3_MAGIC: &[u8] = b"JRNLv3";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    V1,
    V2,
    V3,
}

/// The encryption a file uses, or `None` for a file that is not encrypted. v1 has no marker:
/// whole AES blocks (IV and at least one) that are not text, where a random IV is binary.
pub(super) fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(V3_MAGIC) {
        Some(Kind::V3)
    } else if bytes.starts_with(b"gAAAAA") {
        Some(Kind::V2)
    } else {
        let binary = bytes
            .iter()
            .take(16)
            .any(|&b| b >= 0x7f || (b < 0x20 && !b"\t\n\r".contains(&b)));
        (bytes.len() >= 32
            && bytes.len().is_multiple_of(16)
            && binary
            && std::str::from_utf8(bytes).is_err())
        .then_some(Kind::V1)
    }
}

fn wrong_password() -> Error {
    Error::validation(
        "password",
        "That is not the password of this jrnl journal, or the file is damaged.",
    )
}

fn damaged(what: &str) -> Error {
    refuse(format!("This encrypted jrnl journal is damaged: {what}."))
}

pub(super) fn decrypt(kind: Kind, bytes: &[u8], password: &[u8]) -> Result<String> {
    let plain = match kind {
        Kind::V1 => v1(bytes, password)?,
        Kind::V2 => fernet(bytes, &derive(password, V2_SALT))?,
        Kind::V3 => {
            let (salt, token) = v3_header(bytes)?;
            fernet(token, &derive(password, &salt))?
        }
    };
    String::from_utf8(plain.to_vec()).map_err(|_| match kind {
        Kind::V1 => wrong_password(),
        _ => damaged("its text is not UTF-8"),
    })
}

fn derive(password: &[u8], salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, ITERATIONS, key.as_mut());
    key
}

/// `JRNLv3`, a big-endian u16 length, a header (base64 of JSON, or raw JSON in early files)
/// holding `"salt"` (urlsafe base64), then the Fernet token.
fn v3_header(bytes: &[u8]) -> Result<(Vec<u8>, &[u8])> {
    let rest = &bytes[V3_MAGIC.len()..];
    let (len, rest) = match rest {
        [hi, lo, rest @ ..] => (usize::from(u16::from_be_bytes([*hi, *lo])), rest),
        _ => return Err(damaged("its header is cut short")),
    };
    let (header, token) = rest
        .split_at_checked(len)
        .ok_or_else(|| damaged("its header is cut short"))?;
    let json = BASE64.decode(header).unwrap_or_else(|_| header.to_vec());
    let header: serde_json::Value =
        serde_json::from_slice(&json).map_err(|_| damaged("its header is not readable"))?;
    let salt = header
        .get("salt")
        .and_then(|s| s.as_str())
        .ok_or_else(|| damaged("its header has no salt"))?;
    let salt = decode_url(salt.as_bytes())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| damaged("its salt is not readable"))?;
    Ok((salt, token))
}

fn decode_url(text: &[u8]) -> Option<Vec<u8>> {
    let text = text.trim_ascii();
    BASE64URL
        .decode(text)
        .or_else(|_| BASE64URL_NOPAD.decode(text.strip_suffix(b"=").unwrap_or(text)))
        .ok()
}

/// A Fernet token: 0x80, timestamp (8), IV (16), AES-128-CBC ciphertext, HMAC-SHA256 (32)
/// over everything before it. Signing key = first half of the key, encryption key = second.
fn fernet(token: &[u8], key: &[u8; 32]) -> Result<Zeroizing<Vec<u8>>> {
    let data = decode_url(token).ok_or_else(|| damaged("it is not a Fernet token"))?;
    if data.len() < 1 + 8 + 16 + 16 + 32 || (data.len() - 57) % 16 != 0 || data[0] != 0x80 {
        return Err(damaged("it is not a Fernet token"));
    }
    let (signed, tag) = data.split_at(data.len() - 32);
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key[..16])
        .map_err(|_| Error::Internal("HMAC key".into()))?;
    mac.update(signed);
    mac.verify_slice(tag).map_err(|_| wrong_password())?;
    let (iv, ciphertext) = signed[9..].split_at(16);
    cbc::Decryptor::<aes::Aes128>::new_from_slices(&key[16..], iv)
        .map_err(|_| Error::Internal("AES key".into()))?
        .decrypt_padded_vec_mut::<Pkcs7>(ciphertext)
        .map(Zeroizing::new)
        .map_err(|_| damaged("its padding is wrong"))
}

/// v1: AES-256-CBC, key SHA-256(password), the IV first; PKCS7, or spaces in ancient files.
fn v1(bytes: &[u8], password: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let key = Zeroizing::new(<[u8; 32]>::from(Sha256::digest(password)));
    let (iv, ciphertext) = bytes.split_at(16);
    let mut plain = Zeroizing::new(
        cbc::Decryptor::<aes::Aes256>::new_from_slices(key.as_ref(), iv)
            .map_err(|_| Error::Internal("AES key".into()))?
            .decrypt_padded_vec_mut::<NoPadding>(ciphertext)
            .map_err(|_| damaged("its length is wrong"))?,
    );
    let Some(&last) = plain.last() else {
        return Err(damaged("it is empty"));
    };
    let keep = if last == b' ' {
        plain.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1)
    } else {
        let pad = usize::from(last);
        if !(1..=16).contains(&pad) || !plain[plain.len() - pad..].iter().all(|&b| b == last) {
            return Err(wrong_password());
        }
        plain.len() - pad
    };
    plain.truncate(keep);
    Ok(plain)
}
