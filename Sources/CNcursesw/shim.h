// The ncursesw entry points Entente's terminal backend needs, as functions Swift can call.
// Macros and C globals (stdscr, LINES, COLS, attributes, KEY_*) do not import, so each is
// wrapped here. NCURSES_WIDECHAR must be set before the header for the wide-character API.
#ifndef ENTENTE_NCURSES_SHIM_H
#define ENTENTE_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }

static inline attr_t shim_bold(void) { return A_BOLD; }
static inline attr_t shim_reverse(void) { return A_REVERSE; }
static inline attr_t shim_dim(void) { return A_DIM; }
static inline attr_t shim_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_color_pair(short pair) { return COLOR_PAIR(pair); }

static inline int shim_key_resize(void) { return KEY_RESIZE; }
static inline int shim_key_up(void) { return KEY_UP; }
static inline int shim_key_down(void) { return KEY_DOWN; }
static inline int shim_key_left(void) { return KEY_LEFT; }
static inline int shim_key_right(void) { return KEY_RIGHT; }
static inline int shim_key_page_up(void) { return KEY_PPAGE; }
static inline int shim_key_page_down(void) { return KEY_NPAGE; }
static inline int shim_key_home(void) { return KEY_HOME; }
static inline int shim_key_end(void) { return KEY_END; }
static inline int shim_key_enter(void) { return KEY_ENTER; }
static inline int shim_key_backspace(void) { return KEY_BACKSPACE; }
static inline int shim_key_back_tab(void) { return KEY_BTAB; }
static inline int shim_key_code_yes(void) { return KEY_CODE_YES; }

static inline int shim_key_mouse(void) { return KEY_MOUSE; }

/// Reports clicks and wheel turns (not motion), without the 200 ms click-detection delay.
static inline void shim_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

/// What `shim_mouse_event` reports: the mouse buttons ncurses numbers 1 (left), 4 and 5
/// (the wheel), or nothing the workbench uses.
enum shim_mouse_code { SHIM_MOUSE_OTHER = 0, SHIM_MOUSE_LEFT_CLICK = 1, SHIM_MOUSE_WHEEL_UP = 4, SHIM_MOUSE_WHEEL_DOWN = 5 };

/// The pending mouse event as a `shim_mouse_code`; the cell in *x and *y.
static inline int shim_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return SHIM_MOUSE_OTHER;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return SHIM_MOUSE_LEFT_CLICK;
    if (event.bstate & BUTTON4_PRESSED) return SHIM_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return SHIM_MOUSE_WHEEL_DOWN;
#endif
    return SHIM_MOUSE_OTHER;
}

/// Writes `count` wide characters at (y, x) with the given attributes.
static inline int shim_put(int y, int x, const wchar_t *text, int count, attr_t attributes) {
    attr_set(attributes, 0, NULL);
    int result = mvaddnwstr(y, x, text, count);
    attr_set(A_NORMAL, 0, NULL);
    return result;
}

#endif
