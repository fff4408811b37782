//! Reading the journal's entries kind first. An area's entry is stored as one JSON map whose
//! first key is `kind` (`{"kind":"InvoiceIssued","id":7,…}`: serde writes an internally
//! tagged enum's tag first, and every stored entry was written so). serde's own reader of
//! such an enum cannot rely on that order: it buffers the whole map into a generic `Content`
//! tree, finds the tag, then reads the variant again from the tree, and the journal's
//! untagged `Entry` added a second buffer and a trial of each area in turn. That costs every
//! bundle the buffering code for every entry type and costs every replay two copies of every
//! entry. [`entry_enum!`] declares an area's entry enum with a reader that takes the `kind`
//! from the first key and reads the variant's fields straight from the rest of the map.
//!
//! The stored text is unchanged: the enum still serialises through serde's derive with
//! `tag = "kind"`, and the reader accepts exactly the maps that derive writes (a map whose
//! first key is not `kind` is refused, naming the key).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An enum read from a map whose first key, `kind`, names the variant.
pub trait ReadKind: Sized {
    /// Reads the variant named `kind` from the rest of the map.
    fn read_kind<'de, A: MapAccess<'de>>(kind: &str, map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` for a [`ReadKind`] type.
pub fn deserialize<'de, T: ReadKind, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(KindFirst(PhantomData))
}

struct KindFirst<T>(PhantomData<T>);

impl<'de, T: ReadKind> Visitor<'de> for KindFirst<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an entry: a map whose first key is `kind`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<Text<'de>>()? {
            Some(key) if key.as_str() == "kind" => {}
            Some(key) => {
                return Err(de::Error::custom(format_args!(
                    "the entry's first key is `{}`, not `kind`",
                    key.as_str()
                )))
            }
            None => return Err(de::Error::missing_field("kind")),
        }
        let kind: Text<'de> = map.next_value()?;
        T::read_kind(kind.as_str(), map)
    }
}

/// A string borrowed from the input when the format can lend it (no escapes), else owned.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(text) => text,
            Text::Owned(text) => text,
        }
    }
}

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
        Ok(Text::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
        Ok(Text::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
        Ok(Text::Owned(text))
    }
}

/// Declares an area's entry enum: every variant a struct variant, serialised by serde's derive
/// with `tag = "kind"` (which this adds; the caller derives `Serialize`, not `Deserialize`),
/// and read kind first. Each variant's fields, with their `#[serde(...)]` attributes, are
/// read through a struct of the same fields, so the stored text means what it meant. Also
/// gives the enum `KINDS`, every variant's `kind`.
macro_rules! entry_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident {
                    $(
                        $(#[$field_meta:meta])*
                        $field:ident : $field_type:ty
                    ),* $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[serde(tag = "kind")]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                $variant {
                    $( $(#[$field_meta])* $field: $field_type ),*
                }
            ),*
        }

        impl $name {
            /// The `kind` of every variant, as stored.
            pub const KINDS: &'static [&'static str] = &[$(stringify!($variant)),*];
        }

        impl $crate::base::tagged::ReadKind for $name {
            fn read_kind<'de, A: ::serde::de::MapAccess<'de>>(
                kind: &str,
                map: A,
            ) -> Result<Self, A::Error> {
                $(
                    if kind == stringify!($variant) {
                        #[derive(::serde::Deserialize)]
                        struct Fields {
                            $( $(#[$field_meta])* $field: $field_type ),*
                        }
                        let fields: Fields = ::serde::Deserialize::deserialize(
                            ::serde::de::value::MapAccessDeserializer::new(map),
                        )?;
                        return Ok($name::$variant { $( $field: fields.$field ),* });
                    }
                )*
                Err(::serde::de::Error::unknown_variant(kind, Self::KINDS))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::base::tagged::deserialize(deserializer)
            }
        }
    };
}

pub(crate) use entry_enum;
