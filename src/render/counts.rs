//! Counts in the site's words: a UI string says `{n} {n|leverandør|leverandører} passer.`
//! and the page fills in the count and the words that agree with it
//! (`crate::messages::choose_forms`, the form the tool's own messages use
//! too, and the filter script).

/// `text` with its count `n` filled in, its words chosen by `n`.
pub fn counted(text: &str, n: u64) -> String {
    crate::messages::choose_forms(text, |name| (name == "n").then_some(n)).replace("{n}", &n.to_string())
}

/// The Tera filter: `{{ t.filter_result | count(n=shown) }}`.
pub fn filter(value: tera::StringInput, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<tera::Value> {
    let n: u64 = kwargs.must_get("n")?;
    Ok(tera::Value::from(counted(value.as_str(), n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_fills_in_and_chooses_its_noun() {
        let text = "{n} {n|leverandør|leverandører} passer.";
        assert_eq!(counted(text, 0), "0 leverandører passer.");
        assert_eq!(counted(text, 1), "1 leverandør passer.");
        assert_eq!(counted(text, 2), "2 leverandører passer.");
    }
}
