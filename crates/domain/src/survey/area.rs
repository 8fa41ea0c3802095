//! What part of the service a question is about (for satisfaction by area), and SERVQUAL
//! tags: each of its five dimensions asked as what customers expect of an excellent
//! organisation and as what they perceive of this one; the gap between the two is the
//! dimension's service-quality gap.

use serde::{Deserialize, Serialize};

/// An area of the service. The last five are the SERVQUAL dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    WaitingTime,
    StaffCourtesy,
    Competence,
    Speed,
    Accuracy,
    Premises,
    Information,
    Digital,
    Tangibles,
    Reliability,
    Responsiveness,
    Assurance,
    Empathy,
}

impl Area {
    pub const ALL: [Area; 13] = [
        Area::WaitingTime,
        Area::StaffCourtesy,
        Area::Competence,
        Area::Speed,
        Area::Accuracy,
        Area::Premises,
        Area::Information,
        Area::Digital,
        Area::Tangibles,
        Area::Reliability,
        Area::Responsiveness,
        Area::Assurance,
        Area::Empathy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::WaitingTime => "waiting_time",
            Area::StaffCourtesy => "staff_courtesy",
            Area::Competence => "competence",
            Area::Speed => "speed",
            Area::Accuracy => "accuracy",
            Area::Premises => "premises",
            Area::Information => "information",
            Area::Digital => "digital",
            Area::Tangibles => "tangibles",
            Area::Reliability => "reliability",
            Area::Responsiveness => "responsiveness",
            Area::Assurance => "assurance",
            Area::Empathy => "empathy",
        }
    }

    pub fn parse(s: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Whether this is one of SERVQUAL's five dimensions.
    pub fn is_servqual(self) -> bool {
        matches!(
            self,
            Area::Tangibles
                | Area::Reliability
                | Area::Responsiveness
                | Area::Assurance
                | Area::Empathy
        )
    }
}

/// Which side of a SERVQUAL pair a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServqualSide {
    /// What an excellent organisation of the kind would do.
    Expectation,
    /// What this organisation did.
    Perception,
}

impl ServqualSide {
    pub fn as_str(self) -> &'static str {
        match self {
            ServqualSide::Expectation => "expectation",
            ServqualSide::Perception => "perception",
        }
    }

    pub fn parse(s: &str) -> Option<ServqualSide> {
        [ServqualSide::Expectation, ServqualSide::Perception]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_read_back_and_five_are_servqual() {
        for a in Area::ALL {
            assert_eq!(Area::parse(a.as_str()), Some(a));
        }
        assert_eq!(Area::ALL.iter().filter(|a| a.is_servqual()).count(), 5);
        assert_eq!(Area::parse("billing"), None);
        assert_eq!(
            ServqualSide::parse("perception"),
            Some(ServqualSide::Perception)
        );
    }
}
