use std::fmt;

/// A Norwegian organisation number (Enhetsregisteret): nine digits, the last a
/// modulus-11 check digit over the first eight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgNumber(u32);

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

impl OrgNumber {
    /// Accepts spaces between digit groups ("974 123 457"), as it is usually written.
    pub fn parse(raw: &str) -> Result<OrgNumber, String> {
        let digits: Vec<u32> = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_digit(10).ok_or(()))
            .collect::<Result<_, _>>()
            .map_err(|()| format!("`{raw}` is not an organisation number: use digits only"))?;
        if digits.len() != 9 {
            return Err(format!("an organisation number has 9 digits, `{raw}` has {}", digits.len()));
        }
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let expected = match 11 - sum % 11 {
            11 => 0,
            10 => {
                return Err(format!("`{raw}` cannot be an organisation number (no valid check digit exists for it)"));
            }
            d => d,
        };
        if digits[8] != expected {
            return Err(format!("the check digit of `{raw}` is wrong: the last digit should be {expected}"));
        }
        Ok(OrgNumber(digits.iter().fold(0, |n, d| n * 10 + d)))
    }
}

impl fmt::Display for OrgNumber {
    /// Written as Brønnøysundregistrene writes it: "974 123 457".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format!("{:09}", self.0);
        write!(f, "{} {} {}", &s[0..3], &s[3..6], &s[6..9])
    }
}

impl serde::Serialize for OrgNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_number_with_a_correct_check_digit() {
        // 3*9+2*7+7*4+6*1+5*2+4*3+3*4+2*5 = 119; 119 % 11 = 9; 11 - 9 = 2
        assert_eq!(OrgNumber::parse("974 123 452").unwrap().to_string(), "974 123 452");
    }

    #[test]
    fn names_the_right_check_digit() {
        let err = OrgNumber::parse("974123457").unwrap_err();
        assert!(err.contains("should be 2"), "{err}");
    }

    #[test]
    fn rejects_wrong_length_and_letters() {
        assert!(OrgNumber::parse("12345678").unwrap_err().contains("9 digits"));
        assert!(OrgNumber::parse("97412345x").unwrap_err().contains("digits only"));
    }
}
