//! From a CSV file's bytes to text: a UTF-8 byte-order mark is dropped, UTF-8 is taken as it
//! is, and bytes that are not UTF-8 but read as GB18030 (GBK's superset, what Excel on Chinese
//! Windows saves CSV in) are decoded and reported so the page can say so. A user's choice of
//! encoding wins over the detection. Nothing is replaced: a byte that does not decode in the
//! chosen encoding refuses the file, naming its line, rather than importing `�`.

use crate::import::mapping::Encoding;
use crate::import::problem::FileError;
use std::borrow::Cow;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text and the encoding it was read in.
pub(crate) fn decode(
    bytes: &[u8],
    choice: Option<Encoding>,
) -> Result<(Cow<'_, str>, Encoding), FileError> {
    let has_bom = bytes.starts_with(BOM);
    match choice {
        Some(Encoding::Gb18030) => gb18030(bytes).map(|text| (text, Encoding::Gb18030)),
        Some(_) => utf8(bytes).map(|text| (text, detected_utf8(has_bom))),
        None => match utf8(bytes) {
            Ok(text) => Ok((text, detected_utf8(has_bom))),
            Err(not_utf8) => gb18030(bytes)
                .map(|text| (text, Encoding::Gb18030))
                .map_err(|_| not_utf8),
        },
    }
}

fn detected_utf8(has_bom: bool) -> Encoding {
    if has_bom {
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    }
}

/// UTF-8, with or without its mark.
fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(error) => Err(FileError::NotText {
            encoding: Encoding::Utf8,
            line: line_of(body, error.valid_up_to()),
        }),
    }
}

/// GB18030 without replacement; the line of the first byte that is not GB18030.
fn gb18030(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let encoding = encoding_rs::GB18030;
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text);
    }
    // Decoded again with replacement only to find where: the first `�` that the bytes did
    // not spell out themselves.
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let line = text
        .split('\n')
        .position(|line| line.contains('\u{FFFD}'))
        .map_or(1, |index| index + 1);
    Err(FileError::NotText {
        encoding: Encoding::Gb18030,
        line,
    })
}

/// The 1-based line that byte `offset` is on.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|byte| **byte == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_gbk() {
        let (text, encoding) = decode(b"\xEF\xBB\xBFa,b", None).unwrap();
        assert_eq!((text.as_ref(), encoding), ("a,b", Encoding::Utf8Bom));
        // 客户 in GBK.
        let (text, encoding) = decode(b"\xBF\xCD\xBB\xA7", None).unwrap();
        assert_eq!((text.as_ref(), encoding), ("客户", Encoding::Gb18030));
        assert_eq!(
            decode(b"a\n\xBF\xCD", Some(Encoding::Utf8)),
            Err(FileError::NotText {
                encoding: Encoding::Utf8,
                line: 2
            })
        );
    }
}
