#ifndef ESSAY_GRADER_CLIBXML2_SHIM_H
#define ESSAY_GRADER_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers would pull in the system ICU,
// which clashes with the ICU inside Foundation ("'UErrorCode' has different
// definitions"). Dropping the flag only removes two ICU-only trailing fields of
// xmlCharEncodingHandler that Swift never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xinclude.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/entities.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as not
// concurrency-safe; call it through a function instead.
static inline void essay_grader_xml_free(void *pointer) { xmlFree(pointer); }

#endif
