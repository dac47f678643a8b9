using Harmattan.Server.Auth;
using System.Text;
using Harmattan.Exchange;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Harmattan.Server.Endpoints;

/// <summary>One record an import skipped or ignored: its line (CSV) or STIX id, and why.</summary>
public sealed record ImportIssue(int? Line, string? Record, string Message);

/// <summary>What an import did (as the <c>import</c> verb prints it).</summary>
public sealed record ImportResponse(string File, string Format, int Added, int Unchanged, int Replaced, IReadOnlyList<ImportIssue> Malformed, IReadOnlyList<ImportIssue> Ignored);

/// <summary>
/// <c>POST /api/import</c>: one ACLED or UCDP CSV file or STIX 2.1 bundle as multipart/form-data (as the
/// <c>import</c> verb); <c>format</c> says which when the file does not. Malformed records are listed with
/// their line and skipped; a file that is no import at all is 400 with HRM0112.
/// </summary>
internal static class ImportEndpoints
{
    public static void MapImport(this IEndpointRouteBuilder api) =>
        api.MapPost("/import", Import).WithTags("import").WithName("Import").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Created<ImportResponse>, Ok<ImportResponse>>> Import(
        HttpRequest request,
        KnowledgeStore store,
        ExchangeContext context,
        IOptions<ServerSettings> settings,
        string? format,
        CancellationToken cancellationToken)
    {
        var limit = settings.Value.MaxUploadBytes;
        Uploads.Limit(request, limit);

        if (!request.HasFormContentType)
        {
            throw HarmattanError.UnsupportedFormat.At("request", "send the file as multipart/form-data");
        }

        if (format is not null && !Importer.Formats.Contains(format.Trim().ToLowerInvariant()))
        {
            throw HarmattanError.BadArgument.At("format", $"'{format}' is not an import format; one of {string.Join(", ", Importer.Formats)}");
        }

        var form = await Uploads.ReadForm(request, limit, cancellationToken);

        var file = form.Files.Count == 1 ? form.Files[0] : throw HarmattanError.BadArgument.At("file", "upload exactly one file");
        var name = Path.GetFileName(file.FileName);
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException e)
            {
                throw HarmattanError.NotUtf8.At(name, inner: e);
            }
        }

        var result = new Importer(context).Import(store, name, text, format, request.HttpContext.Actor(null));
        var response = new ImportResponse(
            name,
            result.Format,
            result.Added,
            result.Unchanged,
            result.Replaced,
            result.Malformed.Select(m => new ImportIssue(m.Line, m.RecordId, m.Message)).ToList(),
            result.Ignored.Select(m => new ImportIssue(m.Line, m.RecordId, m.Message)).ToList());
        return result.Added + result.Replaced > 0 ? TypedResults.Created("/api/documents", response) : TypedResults.Ok(response);
    }
}
