/* pending.h: temporary files removed when a signal ends the program. */
#ifndef KK_PENDING_H
#define KK_PENDING_H

/* Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE
 * (those the program was started with ignored stay ignored) that remove
 * the pending files, then end the program by the signal as if there were
 * no handler. Call once, before any thread starts. */
void pending_signals(void);

/* Records path (copied) as a file to remove on a signal. Returns its slot,
 * or -1 when the table is full (the file is then left on a signal). */
int pending_add(const char *path);

/* Forgets the file of slot (-1 is allowed). */
void pending_remove(int slot);

#endif
