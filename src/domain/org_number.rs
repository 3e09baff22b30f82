use std::fmt;

/// A Norwegian organisation number (Enhetsregisteret): nine digits, the last a
/// modulus-11 check digit over the first eight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgNumber(u32);

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

/// Why a text is not an organisation number. Deliberately without the
/// digit that would make it pass: a mistyped number "fixed" that way is
/// the valid number of some other organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgNumberError {
    NotDigits,
    /// How many digits it has instead of 9.
    Length(usize),
    /// The check digit does not match (or no check digit can).
    CheckDigit,
}

impl OrgNumber {
    /// Accepts spaces between digit groups ("974 123 457"), as it is usually written.
    pub fn parse(raw: &str) -> Result<OrgNumber, OrgNumberError> {
        let digits: Vec<u32> = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_digit(10).ok_or(OrgNumberError::NotDigits))
            .collect::<Result<_, _>>()?;
        if digits.len() != 9 {
            return Err(OrgNumberError::Length(digits.len()));
        }
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let expected = match 11 - sum % 11 {
            11 => 0,
            10 => return Err(OrgNumberError::CheckDigit),
            d => d,
        };
        if digits[8] != expected {
            return Err(OrgNumberError::CheckDigit);
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
    fn a_wrong_check_digit_is_refused_without_naming_the_right_one() {
        assert_eq!(OrgNumber::parse("974123457"), Err(OrgNumberError::CheckDigit));
        // 9 7 4 1 2 3 0 7 x: the weighted sum leaves 1, and 11 - 1 = 10 is no digit.
        assert_eq!(OrgNumber::parse("974123070"), Err(OrgNumberError::CheckDigit));
    }

    #[test]
    fn rejects_wrong_length_and_letters() {
        assert_eq!(OrgNumber::parse("12345678"), Err(OrgNumberError::Length(8)));
        assert_eq!(OrgNumber::parse("97412345x"), Err(OrgNumberError::NotDigits));
    }
}
