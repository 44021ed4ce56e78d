//! Corrective actions decided from the complaints and their dysfunctions.

use super::Register;
use crate::complaint::ActionStatus;
use crate::error::Result;
use crate::store::actions::{CorrectiveAction, DysfunctionEntry, NewAction};

impl Register {
    pub fn add_corrective_action(&mut self, a: &NewAction) -> Result<CorrectiveAction> {
        let actor = self.actor()?;
        self.store.add_action(a, &actor)
    }

    pub fn set_corrective_action_status(
        &mut self,
        id: i64,
        status: ActionStatus,
    ) -> Result<CorrectiveAction> {
        let actor = self.actor()?;
        self.store.set_action_status(id, status, &actor)
    }

    pub fn corrective_action(&self, id: i64) -> Result<CorrectiveAction> {
        self.store.action(id)
    }

    pub fn corrective_actions(&self) -> Result<Vec<CorrectiveAction>> {
        self.store.actions()
    }

    /// Every dysfunction of the register, for linking them to a corrective action.
    pub fn dysfunction_log(&self) -> Result<Vec<DysfunctionEntry>> {
        self.store.dysfunction_log()
    }
}
