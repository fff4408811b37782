//! Texts of the field-sales credit check and the embeddable widget, in zh-CN and en.


texts!(FieldTexts {
    nav_check,
    widget_title,
});

pub static ZH: FieldTexts = FieldTexts {
    nav_check: "信用查询",
    widget_title: "信用检查",
};

pub static EN: FieldTexts = FieldTexts {
    nav_check: "Credit check",
    widget_title: "Credit check",
};
