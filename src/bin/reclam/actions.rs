//! `action`: corrective actions decided from complaints and dysfunctions.

use crate::io::print_json;
use clap::Subcommand;
use reclam::api::others::SetActionStatusReq;
use reclam::api::{Fields, Request};
use reclam::complaint::{ActionEdit, ActionKind, NewCorrectiveAction};
use reclam::{Error, Register};

#[derive(Subcommand)]
pub enum ActionCmd {
    Add {
        #[arg(long)]
        description: String,
        #[arg(long)]
        owner: String,
        #[arg(long)]
        due: String,
        /// A complaint that motivated it (repeatable).
        #[arg(long = "complaint")]
        complaints: Vec<String>,
        /// A dysfunction id that motivated it (repeatable).
        #[arg(long = "dysfunction")]
        dysfunctions: Vec<i64>,
        /// A preventive action (a risk seen before it caused a dysfunction).
        #[arg(long)]
        preventive: bool,
    },
    /// planned, inProgress, done or abandoned.
    Status { id: i64, status: String },
    /// Correct an action still open (what is not given stays).
    Edit {
        id: i64,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        due: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(reg: &mut Register, action: ActionCmd, by: &str) -> Result<(), Error> {
    match action {
        ActionCmd::Add {
            description,
            owner,
            due,
            complaints,
            dysfunctions,
            preventive,
        } => {
            let mut f = Fields::default();
            let Some(due_on) = f.date("due", &due) else {
                return Err(f.into_error());
            };
            let new = NewCorrectiveAction {
                kind: if preventive {
                    ActionKind::Preventive
                } else {
                    ActionKind::Corrective
                },
                description,
                owner,
                due_on,
                complaints,
                dysfunctions,
            };
            print_json(&reg.act_as(by)?.add_corrective_action(&new)?)
        }
        ActionCmd::Status { id, status } => {
            let (id, status) = SetActionStatusReq { id, status }.decode()?;
            print_json(&reg.act_as(by)?.set_corrective_action_status(id, status)?)
        }
        ActionCmd::Edit {
            id,
            description,
            owner,
            due,
        } => {
            let a = reg.corrective_action(id)?;
            let mut f = Fields::default();
            let due_on = match due {
                Some(d) => f.date("due", &d),
                None => Some(a.due_on),
            };
            let Some(due_on) = due_on else {
                return Err(f.into_error());
            };
            let edit = ActionEdit {
                description: description.unwrap_or(a.description),
                owner: owner.unwrap_or(a.owner),
                due_on,
            };
            print_json(&reg.act_as(by)?.edit_corrective_action(id, &edit)?)
        }
        ActionCmd::List { json } => list(reg, json),
    }
}

fn list(reg: &Register, json: bool) -> Result<(), Error> {
    let actions = reg.corrective_actions()?;
    if json {
        return print_json(&actions);
    }
    for a in actions {
        println!(
            "n° {:<4} {:<11} {:<12} {} {:<20} {}{}",
            a.id,
            a.kind.label(),
            a.status.label(),
            a.due_on.format("%d/%m/%Y"),
            a.owner,
            a.description.replace('\n', " "),
            if a.late { "  (en retard)" } else { "" }
        );
    }
    Ok(())
}
