using System.Data.Common;
using Harmattan.Server.Auth;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server;

/// <summary>
/// Turns every <see cref="HarmattanException"/> into problem+json with the same HRM code as the CLI
/// prints (extension member <c>code</c>), the subject it concerns and, for an ambiguous name or prefix, the
/// <c>candidates</c> it fits; and a failure of the database itself into
/// HRM0222 (503), whatever the client's Accept header asks for. Anything else stays a 500.
/// </summary>
internal sealed class HarmattanExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            // A body the framework could not bind (malformed JSON, a wrong enum name): the client's
            // fault, said as problem+json with the catalogued code, never a 500.
            var error = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? HarmattanError.TooLarge : HarmattanError.BadArgument;
            var detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
            exception = error.At("body", detail, bad);
        }

        if (exception is DbException failed)
        {
            // The database failed a statement the store did not expect to fail (a full disk, a lock held past the
            // timeouts, a server gone): the request's transaction was rolled back, and the client may try again.
            var location = httpContext.RequestServices.GetService<KnowledgeStoreSource>()?.Location ?? "the knowledge base";
            exception = HarmattanError.DatabaseFailed.At(location, failed.Message, failed);
        }

        if (exception is not HarmattanException e)
        {
            return false;
        }

        var status = StatusFor(e.Error);
        httpContext.Response.StatusCode = status;
        var problem = Problem(e, status);
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = e, ProblemDetails = problem }))
        {
            // The client accepts no JSON (text/csv from /api/export, text/html): it still gets the problem, which says
            // what was wrong, rather than a status with an empty body.
            await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }

        return true;
    }

    public static ProblemDetails Problem(HarmattanException e, int status)
    {
        var problem = new ProblemDetails { Status = status, Title = e.Error.Title, Detail = e.Message };
        problem.Extensions["code"] = e.Error.Code;
        problem.Extensions["subject"] = e.Subject;
        if (e.Candidates.Count > 0)
        {
            // What an ambiguous name or prefix fits, for a client to offer as choices: {id, name, type} each.
            problem.Extensions["candidates"] = e.Candidates;
        }

        return problem;
    }

    /// <summary>
    /// Gives the problems the framework writes itself (routing refusing a content type, a body over
    /// the server's limit, a request it cannot bind) the code of the catalogued error they amount to.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var error = problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => HarmattanError.UnsupportedFormat,
            StatusCodes.Status413PayloadTooLarge => HarmattanError.TooLarge,
            StatusCodes.Status400BadRequest => HarmattanError.BadArgument,
            _ => null,
        };
        if (error is not null)
        {
            problem.Extensions["code"] = error.Code;
            problem.Detail ??= $"[{error.Code}] {error.Title}";
        }
    }

    /// <summary>The HTTP status of a catalogued error: not found, conflict, bad request, unavailable, or the server's fault.</summary>
    public static int StatusFor(HarmattanError error)
    {
        if (error == HarmattanError.DocumentNotFound || error == HarmattanError.EntityNotFound || error == HarmattanError.ChangeNotFound
            || error == HarmattanError.FactNotFound || error == HarmattanError.ReviewNotFound
            || error == HarmattanError.UserNotFound || error == HarmattanError.TokenNotFound)
        {
            return StatusCodes.Status404NotFound;
        }

        if (error == HarmattanError.AmbiguousDocument || error == HarmattanError.AmbiguousEntity
            || error == HarmattanError.MergeRefused || error == HarmattanError.UndoRefused || error == HarmattanError.ReviewConflict
            || error == HarmattanError.ChangeConflict
            || error == HarmattanError.UserExists)
        {
            return StatusCodes.Status409Conflict;
        }

        if (error == HarmattanError.Unauthenticated)
        {
            return StatusCodes.Status401Unauthorized;
        }

        if (error == HarmattanError.Forbidden)
        {
            return StatusCodes.Status403Forbidden;
        }

        if (error == HarmattanError.TooLarge)
        {
            return StatusCodes.Status413PayloadTooLarge;
        }

        if (error == HarmattanError.UnsupportedFormat)
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        if (error == HarmattanError.BadArgument || error == HarmattanError.BadSearchQuery || error.Code.StartsWith("HRM01", StringComparison.Ordinal))
        {
            return StatusCodes.Status400BadRequest;
        }

        // The knowledge base cannot be used right now: unreachable, or migrated by a newer Harmattan while this
        // server runs (every request is refused until it is upgraded).
        if (error == HarmattanError.DatabaseUnavailable || error == HarmattanError.NewerSchema || error == HarmattanError.DatabaseFailed)
        {
            return StatusCodes.Status503ServiceUnavailable;
        }

        return StatusCodes.Status500InternalServerError;
    }
}
