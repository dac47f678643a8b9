using System.Text;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// A <see cref="SearchQuery"/> as an FTS5 expression that cannot be a syntax error: every term goes to FTS5
/// as a quoted string, so FTS5 operators and punctuation in it are only text.
/// </summary>
internal static class Fts5Query
{
    /// <summary>
    /// AND between clauses, OR within one (parenthesised). The AND is explicit because FTS5 does not accept
    /// an implicit AND before a parenthesis.
    /// </summary>
    public static string Render(SearchQuery query)
    {
        var sql = new StringBuilder();
        foreach (var clause in query.Clauses)
        {
            if (sql.Length > 0)
            {
                sql.Append(" AND ");
            }

            if (clause.Count == 1)
            {
                AppendTerm(sql, clause[0]);
                continue;
            }

            sql.Append('(');
            for (var t = 0; t < clause.Count; t++)
            {
                if (t > 0)
                {
                    sql.Append(" OR ");
                }

                AppendTerm(sql, clause[t]);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private static void AppendTerm(StringBuilder sql, SearchTerm term)
    {
        sql.Append('"').Append(term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        if (term.Prefix)
        {
            sql.Append(" *");
        }
    }
}
