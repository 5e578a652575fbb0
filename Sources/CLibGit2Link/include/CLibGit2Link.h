#ifndef SPARKD_CLIBGIT2_LINK_H
#define SPARKD_CLIBGIT2_LINK_H
// Nothing to import: this target only supplies symbols to the static libgit2 link (link.c).
#endif
