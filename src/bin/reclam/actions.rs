//! `action`: corrective actions decided from complaints and dysfunctions.

use crate::io::print_json;
use clap::Subcommand;
use reclam::api::others::SetActionStatusReq;
use reclam::api::{Fields, Request};
use reclam::complaint::NewCorrectiveAction;
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
    },
    /// planned, inProgress, done or abandoned.
    Status { id: i64, status: String },
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
        } => {
            let mut f = Fields::default();
            let Some(due_on) = f.date("due", &due) else {
                return Err(f.into_error());
            };
            let new = NewCorrectiveAction {
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
            "n° {:<4} {:<12} {} {:<20} {}{}",
            a.id,
            a.status.label(),
            a.due_on.format("%d/%m/%Y"),
            a.owner,
            a.description.replace('\n', " "),
            if a.late { "  (en retard)" } else { "" }
        );
    }
    Ok(())
}
