//! Texts of the credit manager's screens for limits, approvals, holds and user profiles, in
//! zh-CN and en.


texts!(DeskTexts {
    nav_approvals,
    nav_users,
    acting_as,
    no_profile,
    choose_profile,
});

pub static ZH: DeskTexts = DeskTexts {
    nav_approvals: "审批",
    nav_users: "用户",
    acting_as: "当前用户",
    no_profile: "未选择用户",
    choose_profile: "选择用户档案",
};

pub static EN: DeskTexts = DeskTexts {
    nav_approvals: "Approvals",
    nav_users: "Users",
    acting_as: "Acting as",
    no_profile: "No profile",
    choose_profile: "Choose a profile",
};
