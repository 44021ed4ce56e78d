//! Corrective actions decided from the complaints and their dysfunctions.

use super::Register;
use crate::complaint::{ActionEdit, CorrectiveAction, DysfunctionEntry, NewCorrectiveAction};
use crate::complaint::{ActionStatus, ValidationError};
use crate::error::Result;
use crate::store::Store;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    /// Decide a corrective action: its due date is today or later (an action is decided for
    /// what is to come; one already done is recorded, then marked done).
    pub fn add_corrective_action(&mut self, a: &NewCorrectiveAction) -> Result<CorrectiveAction> {
        let actor = self.actor()?;
        self.due_to_come(a.due_on)?;
        self.sm().add_action(a, &actor)
    }

    /// Correct an action still open (its text, owner, due date: a date to come, or the one it
    /// already had).
    pub fn edit_corrective_action(
        &mut self,
        id: i64,
        edit: &ActionEdit,
    ) -> Result<CorrectiveAction> {
        let actor = self.actor()?;
        if edit.due_on != self.s().action(id)?.due_on {
            self.due_to_come(edit.due_on)?;
        }
        self.sm().edit_action(id, edit, &actor)
    }

    fn due_to_come(&self, due_on: chrono::NaiveDate) -> Result<()> {
        if due_on < self.today() {
            return Err(ValidationError::new(
                "dueOn",
                format!(
                    "l'échéance du {} est déjà passée : choisissez une date à venir",
                    crate::complaint::french_date(due_on)
                ),
            )
            .into());
        }
        Ok(())
    }

    pub fn set_corrective_action_status(
        &mut self,
        id: i64,
        status: ActionStatus,
    ) -> Result<CorrectiveAction> {
        let actor = self.actor()?;
        self.sm().set_action_status(id, status, &actor)
    }

    pub fn corrective_action(&self, id: i64) -> Result<CorrectiveAction> {
        self.s().action(id)
    }

    pub fn corrective_actions(&self) -> Result<Vec<CorrectiveAction>> {
        self.s().actions()
    }

    /// Every dysfunction of the register, for linking them to a corrective action.
    pub fn dysfunction_log(&self) -> Result<Vec<DysfunctionEntry>> {
        self.s().dysfunction_log()
    }
}
