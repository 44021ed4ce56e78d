//! The Tauri commands, one file per trade word. Each decodes its arguments once
//! (`reclam::api`), makes one `Register` call (as `actor` when it takes one) and hands back
//! the answer, or the core's error as `{ code, message, field, fields }` through `?`.
//!
//! Command and argument names are the UI's contract (`ui/src/lib/backend`): keep them.

pub mod app;
pub mod backup;
pub mod complaint;
pub mod corrective_actions;
pub mod ending;
pub mod extract;
pub mod file;
pub mod import;
pub mod letters;
pub mod lifecycle;
pub mod mail;
pub mod money;
pub mod retention;
pub mod session;
pub mod settings;
pub mod shared;
pub mod tasks;
pub mod update;
pub mod users;

use reclam::{ErrorCode, WireError};

pub type CmdResult<T> = Result<T, WireError>;

/// The shell's state is broken (a poisoned lock): nothing to do but restart.
pub fn internal() -> WireError {
    WireError::new(
        ErrorCode::Internal,
        "état interne incohérent : redémarrez Reclam",
    )
}

/// Every command, for the builder.
pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        app::open_demo,
        app::open_default,
        complaint::list_complaints,
        complaint::today_summary,
        complaint::get_complaint,
        complaint::preview_deadlines,
        complaint::record_complaint,
        complaint::record_request,
        complaint::open_for_client,
        mail::read_email,
        mail::record_from_email,
        mail::add_email_exchange,
        complaint::update_complaint,
        lifecycle::acknowledge,
        lifecycle::hold,
        lifecycle::answer,
        lifecycle::authority_check,
        lifecycle::close,
        ending::withdraw,
        ending::requalify,
        ending::confirm,
        ending::state_sent,
        ending::set_platform,
        ending::list_requests,
        ending::close_request,
        ending::request_to_complaint,
        money::request_approval,
        money::decide_approval,
        money::pending_approvals,
        money::refunds_due,
        money::add_proposal,
        money::respond_proposal,
        money::record_refund_payment,
        session::session_state,
        session::sign_in,
        session::choose_user,
        session::lock,
        session::create_first_user,
        lifecycle::add_dysfunction,
        file::add_exchange,
        file::add_dispute_step,
        file::add_attachment,
        file::open_attachment,
        settings::get_settings,
        settings::set_setting,
        settings::set_settings,
        settings::set_logo,
        users::list_users,
        users::add_user,
        users::edit_user,
        users::set_user_active,
        users::set_password,
        users::set_signature,
        letters::list_templates,
        letters::template_placeholders,
        letters::set_template,
        letters::preview_letter,
        letters::letter_choices,
        letters::open_draft_letter,
        letters::issue_letter,
        letters::open_letter,
        letters::save_letter,
        letters::certificate_info,
        letters::create_certificate,
        letters::import_certificate,
        letters::revoke_certificate,
        import::cancel_import,
        tasks::cancel_task,
        crate::timing::perf_log,
        update::check_update,
        update::download_update,
        update::install_update,
        letters::unlock_certificate,
        extract::extract_stats,
        extract::export_extract,
        extract::export_pack,
        corrective_actions::list_actions,
        corrective_actions::list_dysfunctions,
        corrective_actions::add_action,
        corrective_actions::set_action_status,
        corrective_actions::edit_action,
        import::import_register,
        backup::verify_register,
        backup::backup_status,
        backup::backup_now,
        backup::restore_backup,
        backup::restore_preview,
        retention::anonymisation_candidates,
        retention::anonymise,
        retention::anonymisation_requests_due,
        retention::client_export,
        shared::server_config,
        shared::test_server,
        shared::join_server,
        shared::move_to_server,
        shared::server_sign_in,
        shared::leave_server,
        shared::sync_status,
        shared::sync_now,
        shared::list_conflicts,
        shared::resolve_conflict,
    ]
}
