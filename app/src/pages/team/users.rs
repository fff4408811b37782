//! Local user profiles: the list with each role, adding and editing a profile, and choosing
//! which profile acts on this device. Roles are guard-rails and accountability, not security.

use crate::i18n::vocab;
use crate::ui::form::{ErrorSlot, Form, FormError, TextField};
use crate::ui::use_app;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::team::Role;
use creditdesk_core::UserId;
use leptos::prelude::*;

/// A role select bound to a signal holding the role's token.
#[component]
fn RoleSelect(value: RwSignal<String>, testid: String, label: String) -> impl IntoView {
    let state = use_app();
    view! {
        <select data-testid=testid aria-label=label prop:value=move || value.get()
            on:change=move |event| value.set(event_target_value(&event))>
            {move || {
                let v = state.lang.get().vocab();
                Role::ALL.iter().map(|role| view! {
                    <option value=role.token() selected={value.get_untracked() == role.token()}>{vocab::role(v, *role)}</option>
                }).collect_view()
            }}
        </select>
    }
}

#[component]
pub fn Users() -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Sales.token().to_string());
    let form = Form::new();
    let on_add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = Role::from_token(&role.get_untracked()).unwrap_or(Role::Sales);
        let command = Command::AddUser {
            id: state.portfolio.with_untracked(|p| p.next_ids().user),
            name: name.get_untracked(),
            role: chosen,
            by: state.user.get_untracked(),
        };
        form.submit(command, move || {
            name.try_set(String::new());
        });
    };
    let rows = move || {
        state.portfolio.with(|portfolio| {
            portfolio
                .team
                .users
                .iter()
                .map(|user| view! { <UserRow id=user.id name=user.name.clone() role=user.role /> })
                .collect_view()
        })
    };
    view! {
        <section data-testid="users">
            <h1>{move || d().users_title}</h1>
            <p class="hint" data-testid="roles-note">{move || d().roles_note}</p>
            <p data-testid="acting-now">{move || match state.current_user() {
                Some(user) => crate::i18n::fill(d().acting_now, &[("name", &user.name), ("role", vocab::role(state.lang.get().vocab(), user.role))]),
                None => d().no_profile.to_string(),
            }}</p>
            <div class="table-wrap">
                <table class="list" data-testid="users-table">
                    <thead><tr>
                        <th scope="col">{move || d().col_name}</th>
                        <th scope="col">{move || d().col_role}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <form class="form card" data-testid="add-user-form" on:submit=on_add novalidate>
                <h2>{move || d().add_user}</h2>
                <TextField label=move || d().col_name value=name form field=Field::Name testid="user-name" />
                <div class="field">
                    <label>{move || d().col_role}
                        <RoleSelect value=role testid="user-role".into() label=d().col_role.to_string() />
                    </label>
                </div>
                <FormError form />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="add-user" disabled=move || state.saving.get()>{move || d().add_user}</button>
                </div>
            </form>
        </section>
    }
}

/// One profile: its name and role editable in place, and "act as".
#[component]
fn UserRow(id: UserId, name: String, role: Role) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let name_value = RwSignal::new(name.clone());
    let role_value = RwSignal::new(role.token().to_string());
    let form = Form::new();
    let save = move |_| {
        let chosen = Role::from_token(&role_value.get_untracked()).unwrap_or(role);
        let command = Command::ChangeUser {
            id,
            name: name_value.get_untracked(),
            role: chosen,
            by: state.acting(),
        };
        form.submit(command, || {});
    };
    let acting = move || state.user.get() == Some(id);
    view! {
        <tr data-testid=format!("user-{}", id.0)>
            <td>
                <input class="cell" aria-label=move || format!("{} {}", d().col_name, name.clone()) data-testid="edit-name"
                    aria-describedby=format!("f-edit-name-{}-error", id.0)
                    prop:value=move || name_value.get() on:input=move |e| name_value.set(event_target_value(&e)) />
                <ErrorSlot form field=Field::Name id=format!("f-edit-name-{}-error", id.0) testid="edit-name-error" />
                <FormError form />
            </td>
            <td><RoleSelect value=role_value testid="edit-role".into() label=d().col_role.to_string() /></td>
            <td class="row-actions">
                <button type="button" data-testid="save-user" on:click=save disabled=move || state.saving.get()>{move || d().save_user}</button>
                <button type="button" data-testid="act-as" class:primary=acting aria-pressed=move || if acting() { "true" } else { "false" }
                    on:click=move |_| state.set_user(Some(id))>{move || if acting() { d().acting_this } else { d().act_as }}</button>
            </td>
        </tr>
    }
}
