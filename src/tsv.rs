//! The one reader for every data file the crate loads: gazetteers and the
//! cue and hedge lexicons.
//!
//! Format: UTF-8 text, one record a line, fields separated by one tab. The
//! first line that is not blank or a comment is the header and names the
//! columns. Lines starting with `#` and blank lines are skipped. A byte-order
//! mark at the start is ignored, and so is a `\r` before each `\n`.
//! Errors name the source, the 1-based line and the 1-based column (in
//! characters) of the offending field.

use crate::error::Error;

/// One data line of a table: its fields, by column, with their location.
#[derive(Clone, Debug)]
pub struct Record<'a> {
    fields: Vec<&'a str>,
    /// 1-based column (in chars) where each field starts.
    columns: Vec<u64>,
    line: u64,
}

impl<'a> Record<'a> {
    /// The 1-based line of the record.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The field in column `index` (0-based), or `""` when the line is
    /// shorter (the table checks that required columns are present).
    pub fn get(&self, index: usize) -> &'a str {
        self.fields.get(index).copied().unwrap_or("")
    }

    /// The 1-based character column where field `index` starts.
    pub fn column(&self, index: usize) -> u64 {
        self.columns
            .get(index)
            .copied()
            .unwrap_or_else(|| self.columns.last().copied().unwrap_or(1))
    }

    /// A syntax error about field `index` of this record.
    pub fn error(&self, index: usize, message: impl Into<String>, source: &str) -> Error {
        Error::syntax(message, Some(source), self.line, self.column(index))
    }
}

/// A parsed table: the column names and the data records.
#[derive(Clone, Debug)]
pub struct Table<'a> {
    /// Column names from the header.
    pub header: Vec<&'a str>,
    /// The data records, in file order.
    pub records: Vec<Record<'a>>,
}

impl<'a> Table<'a> {
    /// Parses `text`; `source` names it in errors. Every column of `required`
    /// must be in the header, and every record must have a field for each
    /// of them (trailing optional columns may be missing).
    pub fn parse(text: &'a str, source: &str, required: &[&str]) -> Result<Table<'a>, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut header: Option<Vec<&'a str>> = None;
        let mut records = Vec::new();
        let mut needed = 0usize;
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let lineno = i as u64 + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (fields, columns) = split_fields(line);
            match &header {
                None => {
                    for (want_idx, want) in required.iter().enumerate() {
                        if !fields.iter().any(|f| f.trim() == *want) {
                            return Err(Error::syntax(
                                format!(
                                    "the header lacks the column {want:?} (expected columns: {})",
                                    required.join(", ")
                                ),
                                Some(source),
                                lineno,
                                columns.get(want_idx).copied().unwrap_or(1),
                            ));
                        }
                    }
                    needed = required
                        .iter()
                        .filter_map(|r| fields.iter().position(|f| f.trim() == *r))
                        .max()
                        .map_or(0, |p| p + 1);
                    header = Some(fields.iter().map(|f| f.trim()).collect());
                }
                Some(h) => {
                    if fields.len() < needed {
                        return Err(Error::syntax(
                            format!(
                                "expected at least {needed} tab-separated fields ({}), found {}",
                                h[..needed].join(", "),
                                fields.len()
                            ),
                            Some(source),
                            lineno,
                            line.chars().count() as u64 + 1,
                        ));
                    }
                    if fields.len() > h.len() {
                        return Err(Error::syntax(
                            format!(
                                "expected at most {} fields, found {} (a stray tab?)",
                                h.len(),
                                fields.len()
                            ),
                            Some(source),
                            lineno,
                            columns[h.len()],
                        ));
                    }
                    records.push(Record {
                        fields,
                        columns,
                        line: lineno,
                    });
                }
            }
        }
        match header {
            Some(header) => Ok(Table { header, records }),
            None => Err(Error::syntax(
                format!(
                    "empty file: expected a header line ({})",
                    required.join("\t")
                ),
                Some(source),
                1,
                1,
            )),
        }
    }

    /// The index of column `name`, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }
}

fn split_fields(line: &str) -> (Vec<&str>, Vec<u64>) {
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    let mut col = 1u64;
    for f in line.split('\t') {
        fields.push(f);
        columns.push(col);
        col += f.chars().count() as u64 + 1;
    }
    (fields, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_comments_bom_crlf() {
        let text = "\u{feff}# comment\r\nid\tname\r\n\r\nCN\tChina\r\n";
        let t = Table::parse(text, "x.tsv", &["id", "name"]).unwrap();
        assert_eq!(t.header, ["id", "name"]);
        assert_eq!(t.records.len(), 1);
        assert_eq!(t.records[0].get(1), "China");
        assert_eq!(t.records[0].line(), 4);
        assert_eq!(t.records[0].column(1), 4);
    }

    #[test]
    fn located_errors() {
        let err = Table::parse("id\tname\nCN\n", "x.tsv", &["id", "name"]).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert_eq!(err.column(), Some(3));
        assert!(err
            .to_string()
            .starts_with("x.tsv:2:3: expected at least 2"));
        let err = Table::parse("id\tnom\n", "y.tsv", &["id", "name"]).unwrap_err();
        assert_eq!(err.line(), Some(1));
        assert!(err.message().contains("\"name\""));
        let err = Table::parse("", "z.tsv", &["id"]).unwrap_err();
        assert!(err.message().starts_with("empty file"));
        let err = Table::parse("id\nA\tB\n", "w.tsv", &["id"]).unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(3)));
    }
}
