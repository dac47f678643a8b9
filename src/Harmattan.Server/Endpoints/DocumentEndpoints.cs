using Harmattan.Server.Auth;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Harmattan.Server.Endpoints;

/// <summary>A stored document as the API gives it: its metadata and text, and everything extracted from it.</summary>
public sealed record DocumentView(
    string Id,
    string Title,
    PartialDate? Published,
    string Source,
    string? Url,
    string Format,
    DateTimeOffset IngestedAt,
    int WordCount,
    string Text,
    DocumentExtraction Extraction,
    IReadOnlyList<DateSpan> Dates,
    IReadOnlyList<FactStatus> Reviews,
    DateTimeOffset? ExtractedAt);

/// <summary>A date expression in the text (UTF-16 offsets, end exclusive) and the ISO partial date it denotes.</summary>
public sealed record DateSpan(int Start, int End, string Iso, bool YearInferred);

/// <summary>The review status of one fact of the document that is no longer proposed.</summary>
public sealed record FactStatus(FactKind Kind, string FactId, ReviewStatus Status);

/// <summary>
/// One report sent as JSON: its text and what the caller knows about it. <see cref="Format"/> is txt, md or
/// html (default txt); <see cref="Name"/> is what the results call it (default "document N").
/// </summary>
public sealed record JsonReport(string? Text, string? Name, string? Format, string? Title, string? Published, string? Url);

/// <summary>The JSON form of an upload: one or many reports.</summary>
public sealed record JsonUpload(IReadOnlyList<JsonReport>? Documents);

/// <summary>What happened to one uploaded file; <see cref="Error"/> is the HRM code when it failed.</summary>
public sealed record UploadResult(
    string File,
    IngestStatus Status,
    string? Id,
    string? Title,
    string? Error,
    string? Message,
    int Entities,
    int Claims,
    int Events);

/// <summary>The answer to an upload: the totals and one result per file, in the order they were sent.</summary>
public sealed record UploadResponse(int Added, int Unchanged, int Failed, IReadOnlyList<UploadResult> Files);

/// <summary><c>/api/documents</c>: list, read one, upload reports for ingestion, delete one (as <c>docs</c>, <c>show</c>, <c>ingest</c>, <c>delete</c>).</summary>
internal static class DocumentEndpoints
{
    public static void MapDocuments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("documents");
        group.MapGet("/", List).WithName("ListDocuments").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", Get).WithName("GetDocument")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Delete).WithName("DeleteDocument")
            .WithDescription(
                "Admins only: removes the document, its facts, mentions and the reviews of its facts, and the entities no other document "
                + "names unless an analyst reviewed, merged or split them. Cannot be undone; recorded in the audit log.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/reextract", Reextract).WithName("ReextractDocument")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", Upload).WithName("UploadDocuments").DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data", "application/json")
            .WithDescription(
                "Multipart files (.txt, .md, .html, .pdf), or JSON {\"documents\": [{\"text\", \"format\": \"txt|md|html\", \"name\", \"title\", \"published\", \"url\"}]} "
                + "where title, published and url override what the text says.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Ok<Page<DocumentSummary>> List(KnowledgeStore store, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var docs = store.ListDocuments(paging.Limit, paging.Offset);
        return TypedResults.Ok(new Page<DocumentSummary>(docs, store.CountDocuments(), paging.Offset, paging.Limit));
    }

    private static Ok<DocumentView> Get(KnowledgeStore store, ExtractionPipeline pipeline, string id)
    {
        var stored = Query.Naming(() => store.GetDocument(id), Input.Document("id", id));
        var d = stored.Document;
        // Date expressions are not stored; the pipeline reads them again, running only as far as the dates.
        var dates = pipeline.Analyze(d.Id, d.Text, d.Published, upTo: Layers.Dates).Dates
            .Select(m => new DateSpan(m.Span.Start, m.Span.End, m.Date.ToIso(), m.YearInferred))
            .ToList();
        var reviews = store.GetReviewStatuses(d.Id).Select(r => new FactStatus(r.Kind, r.FactId, r.Status)).ToList();
        return TypedResults.Ok(new DocumentView(
            d.Id, d.Title, d.Published, d.Source, d.Url, d.Format, stored.IngestedAt, stored.WordCount, d.Text, stored.Extraction, dates, reviews, stored.ExtractedAt));
    }

    /// <summary>
    /// Deletes a stored document with everything extracted from it, as the token's user (see
    /// <see cref="KnowledgeStore.DeleteDocument"/>); the answer says what went and what an analyst's decision kept.
    /// </summary>
    private static Ok<DocumentDeletion> Delete(KnowledgeStore store, HttpContext context, string id) =>
        TypedResults.Ok(Query.Naming(() => store.DeleteDocument(id, context.Actor(null)), Input.Document("id", id)));

    /// <summary>
    /// Extracts the stored document again with the server's current pipeline and data, keeping every fact
    /// an analyst reviewed (confirmed, corrected or rejected) as it is and replacing the proposed ones.
    /// </summary>
    private static Ok<ReextractOutcome> Reextract(KnowledgeStore store, HttpContext context, DocumentReader reader, ExtractionPipeline pipeline, string id) =>
        TypedResults.Ok(Query.Naming(() => new Ingestor(reader, pipeline, store, context.Actor(null)).Reextract(id), Input.Document("id", id)));

    /// <summary>
    /// Multipart upload of one or many report files, each read, extracted and stored in its own
    /// transaction through the <see cref="Ingestor"/>. The whole request is refused with 413 when it is
    /// over the size limit and with 415 when a file is not of a report format; a file that fails to read
    /// (empty, binary, corrupt) gets its HRM code in its own result and the others are stored. 201 when
    /// anything was added, 200 when everything was already stored or failed.
    /// </summary>
    private static async Task<Results<Created<UploadResponse>, Ok<UploadResponse>>> Upload(
        HttpRequest request,
        KnowledgeStore store,
        DocumentReader reader,
        ExtractionPipeline pipeline,
        IOptions<ServerSettings> settings,
        CancellationToken cancellationToken)
    {
        var limit = settings.Value.MaxUploadBytes;
        Uploads.Limit(request, limit);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var inputs = request.HasJsonContentType()
            ? await JsonInputs(request, limit, cancellationToken)
            : request.HasFormContentType
                ? await FormInputs(request, limit, cancellationToken)
                : throw HarmattanError.UnsupportedFormat.At("request", "send the reports as multipart/form-data files or as JSON {\"documents\": [{\"text\": ...}]}");
        var results = new Ingestor(reader, pipeline, store, request.HttpContext.Actor(null)).Run(inputs, new ReadOptions { MaxBytes = limit }).ToList();
        var summary = Ingestor.Summarize(results, clock.Elapsed);
        var response = new UploadResponse(
            summary.Added,
            summary.Unchanged,
            summary.Failed,
            results.Select(r => new UploadResult(r.Input.Name, r.Status, r.DocumentId, r.Title, r.Error?.Code, r.Message, r.Entities, r.Claims, r.Events)).ToList());
        if (summary.Added == 0)
        {
            return TypedResults.Ok(response);
        }

        var first = results.First(r => r.Status == IngestStatus.Added);
        return TypedResults.Created($"/api/documents/{first.DocumentId}", response);
    }

    private static async Task<List<IngestInput>> FormInputs(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var form = await Uploads.ReadForm(request, limit, cancellationToken);

        if (form.Files.Count == 0)
        {
            throw HarmattanError.BadArgument.At("files", "no file was uploaded");
        }

        var inputs = new List<IngestInput>(form.Files.Count);
        foreach (var file in form.Files)
        {
            var name = Path.GetFileName(file.FileName);
            if (!IngestInputs.ReportExtensions.Contains(Path.GetExtension(name)))
            {
                throw HarmattanError.UnsupportedFormat.At(name, "send .txt, .md, .html or .pdf reports");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            inputs.Add(IngestInput.Bytes(name, buffer.ToArray()));
        }

        return inputs;
    }

    /// <summary>
    /// Reports sent as JSON, each with the options its own metadata gives (title, published date and url
    /// override what the text says, as the CLI's flags do). Every report is checked before any is stored.
    /// </summary>
    private static async Task<List<IngestInput>> JsonInputs(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        JsonUpload? upload;
        try
        {
            upload = await request.ReadFromJsonAsync<JsonUpload>(cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw HarmattanError.BadArgument.At("body", $"the JSON cannot be read: {e.Message}", e);
        }
        catch (BadHttpRequestException e)
        {
            throw HarmattanError.TooLarge.At("request", $"the limit is {limit} bytes", e);
        }

        if (upload?.Documents is not { Count: > 0 } documents)
        {
            throw HarmattanError.BadArgument.At("documents", "send {\"documents\": [{\"text\": \"...\"}]} with at least one report");
        }

        var inputs = new List<IngestInput>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var report = documents[i] ?? throw HarmattanError.BadArgument.At($"documents[{i}]", "is null");
            var where = $"documents[{i}]";
            if (string.IsNullOrWhiteSpace(report.Text))
            {
                throw HarmattanError.BadArgument.At(where + ".text", "is required and must hold the report's text");
            }

            var extension = (report.Format ?? "txt").Trim().ToLowerInvariant() switch
            {
                "txt" or "text" or "plain" => ".txt",
                "md" or "markdown" => ".md",
                "html" or "htm" => ".html",
                var other => throw HarmattanError.UnsupportedFormat.At(where + ".format", $"'{other}' is not txt, md or html (send a PDF as a multipart file)"),
            };
            PartialDate? published = null;
            if (!string.IsNullOrWhiteSpace(report.Published))
            {
                published = PartialDate.TryParse(report.Published.Trim(), out var date)
                    ? date
                    : throw HarmattanError.BadArgument.At(where + ".published", $"'{report.Published}' is not a date like 2012, 2012-03 or 2012-03-22");
            }

            var name = string.IsNullOrWhiteSpace(report.Name) ? $"document {i + 1}{extension}" : Path.GetFileName(report.Name.Trim());
            if (report.Format is not null || !IngestInputs.ReportExtensions.Contains(Path.GetExtension(name)))
            {
                // The reader goes by the name's extension: the declared format wins over the name's.
                name = Path.ChangeExtension(name, extension);
            }

            var metadata = new ReadOptions { Title = report.Title, Published = published, Url = report.Url };
            inputs.Add(IngestInput.Bytes(name, System.Text.Encoding.UTF8.GetBytes(report.Text), metadata));
        }

        return inputs;
    }
}
