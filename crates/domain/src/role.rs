//! The roles a user account can have.

use serde::{Deserialize, Serialize};

/// What a user account is for. The policy module decides what each role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The head of the organisation: sees and manages everything.
    Head,
    /// Runs some regions or sites; per-employee results only if the head allows it.
    Manager,
    /// Looks after terminals and sites; sees no results.
    Supervisor,
    /// Reads reports; per-employee results only if the head allows it.
    Analyst,
    /// Uses their own station only; never reads any rating.
    Employee,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 5] = [
        Role::Head,
        Role::Manager,
        Role::Supervisor,
        Role::Analyst,
        Role::Employee,
    ];

    /// The stable name stored in the database and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Head => "head",
            Role::Manager => "manager",
            Role::Supervisor => "supervisor",
            Role::Analyst => "analyst",
            Role::Employee => "employee",
        }
    }

    /// Whether accounts of this role are limited to the regions and sites assigned to them.
    pub fn is_scoped(self) -> bool {
        matches!(self, Role::Manager | Role::Supervisor)
    }
}

impl std::str::FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not one of [`Role::ALL`].
#[derive(Debug, thiserror::Error)]
#[error("unknown role {0:?}: expected head, manager, supervisor, analyst or employee")]
pub struct UnknownRole(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert!("owner".parse::<Role>().is_err());
    }
}
