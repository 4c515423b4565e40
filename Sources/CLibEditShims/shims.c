#include "CLibEditShims.h"

/* Each wrapper fixes the argument list of one el_set/el_get/history operation, so Swift can call it. */

int s3x_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int s3x_el_set_terminal(EditLine *el, const char *type) {
    return el_set(el, EL_TERMINAL, type);
}

int s3x_el_set_signal_handling(EditLine *el, int enabled) {
    return el_set(el, EL_SIGNAL, enabled);
}

int s3x_el_set_prompt(EditLine *el, s3x_el_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

int s3x_el_set_getc(EditLine *el, s3x_el_getc_fn getc) {
    return el_set(el, EL_GETCFN, getc);
}

int s3x_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

int s3x_el_add_function(EditLine *el, const char *name, const char *help, s3x_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int s3x_el_bind(EditLine *el, const char *key, const char *command) {
    if (el_set(el, EL_BIND, key, command, (const char *)NULL) != 0) {
        return -1;
    }
    return el_set(el, EL_BIND, "-a", key, command, (const char *)NULL);
}

int s3x_el_setty_edit(EditLine *el, const char *setting) {
    return el_set(el, EL_SETTY, "-d", setting, (const char *)NULL);
}

int s3x_el_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

void *s3x_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

const char *s3x_el_get_editor(EditLine *el) {
    const char *mode = NULL;
    if (el_get(el, EL_EDITOR, &mode) != 0) {
        return NULL;
    }
    return mode;
}

int s3x_el_get_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) {
        return 0;
    }
    return columns;
}

int s3x_history_set_size(History *list, int size) {
    HistEvent event;
    return history(list, &event, H_SETSIZE, size) < 0 ? -1 : 0;
}

int s3x_history_set_unique(History *list, int unique) {
    HistEvent event;
    return history(list, &event, H_SETUNIQUE, unique) < 0 ? -1 : 0;
}

int s3x_history_enter(History *list, const char *line) {
    HistEvent event;
    return history(list, &event, H_ENTER, line) < 0 ? -1 : 0;
}
