namespace Harmattan.Knowledge;

/// <summary>
/// A catalogued error. The code is stable: it appears in CLI messages, in problem+json bodies and in
/// the docs, so a user can search for it. Never renumber; retire a code instead.
/// </summary>
public sealed record HarmattanError(string Code, string Title)
{
    // 01xx: reading documents
    public static readonly HarmattanError EmptyFile = new("HRM0101", "the file is empty");
    public static readonly HarmattanError NotUtf8 = new("HRM0102", "the file is not valid UTF-8 text");
    public static readonly HarmattanError BinaryFile = new("HRM0103", "the file is binary, not a text report");
    public static readonly HarmattanError TooLarge = new("HRM0104", "the file is over the size limit");
    public static readonly HarmattanError UnsupportedFormat = new("HRM0105", "the file format is not supported");
    public static readonly HarmattanError Unreadable = new("HRM0106", "the path cannot be read");
    public static readonly HarmattanError NoReadableText = new("HRM0107", "the document has no readable text");
    public static readonly HarmattanError CorruptPdf = new("HRM0108", "the PDF is corrupt or cannot be parsed");
    public static readonly HarmattanError EncryptedPdf = new("HRM0109", "the PDF is encrypted");
    public static readonly HarmattanError PdfWithoutText = new("HRM0110", "the PDF has no text layer (scanned?)");
    public static readonly HarmattanError BadMetadata = new("HRM0111", "the document metadata is invalid");
    public static readonly HarmattanError BadImportFile = new("HRM0112", "the file is not a valid ACLED, UCDP or STIX import");
    public static readonly HarmattanError BadImportRecord = new("HRM0113", "a record of the import file is malformed and was skipped");

    // 02xx: the store
    public static readonly HarmattanError NotHarmattanDatabase = new("HRM0201", "not a Harmattan database");
    public static readonly HarmattanError NewerSchema = new("HRM0202", "the database was written by a newer Harmattan");
    public static readonly HarmattanError DatabaseUnavailable = new("HRM0203", "the database cannot be opened");
    public static readonly HarmattanError DocumentNotFound = new("HRM0204", "no such document");
    public static readonly HarmattanError AmbiguousDocument = new("HRM0205", "the document prefix matches several documents");
    public static readonly HarmattanError BadSearchQuery = new("HRM0206", "the search query is not valid");
    public static readonly HarmattanError InvalidExtraction = new("HRM0207", "the extraction does not fit its document");
    public static readonly HarmattanError EntityNotFound = new("HRM0210", "no such entity");
    public static readonly HarmattanError AmbiguousEntity = new("HRM0211", "the name matches several entities");
    public static readonly HarmattanError MergeRefused = new("HRM0212", "the entities cannot be merged");
    public static readonly HarmattanError ChangeNotFound = new("HRM0213", "no such merge or split");
    public static readonly HarmattanError UndoRefused = new("HRM0214", "the change cannot be undone");
    public static readonly HarmattanError FactNotFound = new("HRM0215", "no such fact");
    public static readonly HarmattanError ReviewNotFound = new("HRM0216", "no such review");
    public static readonly HarmattanError ReviewConflict = new("HRM0217", "the fact was reviewed meanwhile, or the review cannot be undone");
    public static readonly HarmattanError UserNotFound = new("HRM0218", "no such user");
    public static readonly HarmattanError UserExists = new("HRM0219", "a user of that name exists already");
    public static readonly HarmattanError TokenNotFound = new("HRM0220", "no such token");
    public static readonly HarmattanError ChangeConflict = new("HRM0221", "the entity was merged, split or undone meanwhile");
    public static readonly HarmattanError DatabaseFailed = new("HRM0222", "the database failed the operation (the transaction in progress was rolled back; nothing stored before it is lost)");

    // 03xx: data files (registries, lexicons, schema, pipelines)
    public static readonly HarmattanError BadDataFile = new("HRM0301", "a data file is invalid");
    public static readonly HarmattanError BadPipeline = new("HRM0302", "the pipeline definition is invalid");
    public static readonly HarmattanError ExtractionFailed = new("HRM0303", "a pipeline component failed on the document (a bug: please report it with the file)");

    // 04xx: usage
    public static readonly HarmattanError BadArgument = new("HRM0401", "an argument is invalid");

    // 05xx: access to a server
    public static readonly HarmattanError Unauthenticated = new("HRM0501", "a valid API token is required");
    public static readonly HarmattanError Forbidden = new("HRM0502", "the token's role does not allow this");

    /// <summary>
    /// Creates the exception for this error about one subject (a file, a document id, a query); for a name or prefix
    /// that fits several things, <paramref name="candidates"/> are those things, for a host to offer as choices.
    /// </summary>
    public HarmattanException At(string? subject, string? detail = null, Exception? inner = null, IReadOnlyList<Candidate>? candidates = null) =>
        new(this, subject, detail, inner, candidates);

    public override string ToString() => $"{Code} {Title}";
}

/// <summary>
/// An expected failure with a catalogued code and the subject it concerns. Hosts render it as
/// <c>[HRM0101] reports/a.txt: the file is empty</c> or as problem+json; anything else that escapes is a bug.
/// </summary>
public sealed class HarmattanException : Exception
{
    public HarmattanException(
        HarmattanError error, string? subject, string? detail = null, Exception? inner = null, IReadOnlyList<Candidate>? candidates = null)
        : base(Format(error, subject, detail), inner)
    {
        Error = error;
        Subject = subject;
        Detail = detail;
        Candidates = candidates ?? [];
    }

    public HarmattanError Error { get; }

    /// <summary>What the error is about: a file path, a document id, a query.</summary>
    public string? Subject { get; }

    public string? Detail { get; }

    /// <summary>
    /// What an ambiguous name or prefix fits (HRM0205, HRM0211), each also listed in <see cref="Detail"/>; empty for
    /// any other error. Giving one's id instead of the name is never ambiguous.
    /// </summary>
    public IReadOnlyList<Candidate> Candidates { get; }

    private static string Format(HarmattanError error, string? subject, string? detail)
    {
        var where = string.IsNullOrEmpty(subject) ? "" : subject + ": ";
        var why = string.IsNullOrEmpty(detail) ? "" : $" ({detail})";
        return $"[{error.Code}] {where}{error.Title}{why}";
    }
}

/// <summary>
/// One of the things an ambiguous name or id prefix fits: an entity (<see cref="Type"/> its entity type, such as
/// <c>ArmedGroup</c>) or a document (<see cref="Type"/> <c>Document</c>, <see cref="Name"/> its title).
/// </summary>
public sealed record Candidate(string Id, string Name, string Type)
{
    /// <summary>The <see cref="Type"/> of a document candidate.</summary>
    public const string DocumentType = "Document";
}
