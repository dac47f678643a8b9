using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.Features;
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
    DocumentExtraction Extraction);

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

/// <summary><c>/api/documents</c>: list, read one, upload reports for ingestion (as <c>docs</c>, <c>show</c>, <c>ingest</c>).</summary>
internal static class DocumentEndpoints
{
    public static void MapDocuments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("documents");
        group.MapGet("/", List).WithName("ListDocuments").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", Get).WithName("GetDocument")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", Upload).WithName("UploadDocuments").DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
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

    private static Ok<DocumentView> Get(KnowledgeStore store, string id)
    {
        var stored = store.GetDocument(id);
        var d = stored.Document;
        return TypedResults.Ok(new DocumentView(d.Id, d.Title, d.Published, d.Source, d.Url, d.Format, stored.IngestedAt, stored.WordCount, d.Text, stored.Extraction));
    }

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
        if (request.ContentLength > limit)
        {
            throw HarmattanError.TooLarge.At("request", $"{request.ContentLength} bytes; the limit is {limit}");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!request.HasFormContentType)
        {
            throw HarmattanError.UnsupportedFormat.At("request", "send the reports as multipart/form-data files");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw HarmattanError.TooLarge.At("request", $"the limit is {limit} bytes", e);
        }

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

        var (results, summary) = new Ingestor(reader, pipeline, store).RunAll(inputs, new ReadOptions { MaxBytes = limit });
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
}
