//! Norwegian alphabetical order: æ, ø, å come after z, and case and accents
//! do not decide order. Used wherever providers are listed.

/// A key that sorts like a Norwegian dictionary; ties fall back to the name.
pub fn sort_key(name: &str) -> (Vec<u32>, String) {
    let key = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| match c {
            'æ' | 'ä' => 'z' as u32 + 1,
            'ø' | 'ö' => 'z' as u32 + 2,
            'å' => 'z' as u32 + 3,
            'é' | 'è' | 'ê' => 'e' as u32,
            'á' | 'à' => 'a' as u32,
            'ó' | 'ò' | 'ô' => 'o' as u32,
            'ü' => 'u' as u32,
            c if c.is_whitespace() => ' ' as u32,
            c => c as u32,
        })
        .collect();
    (key, name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_letters_sort_after_z_and_case_is_ignored() {
        let mut names = vec!["Åsen omsorg", "Zeta", "Ærlig hjelp", "øst", "alfa", "Beta"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["alfa", "Beta", "Zeta", "Ærlig hjelp", "øst", "Åsen omsorg"]);
    }
}
