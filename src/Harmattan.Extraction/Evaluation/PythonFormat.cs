using System.Globalization;
using System.Numerics;
using System.Text;

namespace Harmattan.Extraction.Evaluation;

/// <summary>Number and string formatting as Python prints them, so that our output is score.py's byte for byte.</summary>
internal static class PythonFormat
{
    /// <summary>
    /// <c>f"{x:.{decimals}f}"</c> for a finite non-negative x: the exact binary value rounded half to
    /// even. .NET's "F" format does not promise that tie rule (0.0625 at three places is 0.062 in Python).
    /// </summary>
    public static string Fixed(double x, int decimals)
    {
        if (!double.IsFinite(x) || x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "only finite non-negative values");
        }

        // x = mantissa * 2^exponent exactly; scale by 10^decimals and round the quotient.
        var bits = BitConverter.DoubleToInt64Bits(x);
        var rawExponent = (int)((bits >> 52) & 0x7ff);
        var mantissa = bits & 0xfffffffffffffL;
        var exponent = rawExponent == 0 ? -1074 : rawExponent - 1075;
        if (rawExponent != 0)
        {
            mantissa |= 1L << 52;
        }

        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        BigInteger units;
        if (exponent >= 0)
        {
            units = scaled << exponent;
        }
        else
        {
            var divisor = BigInteger.One << -exponent;
            units = BigInteger.DivRem(scaled, divisor, out var remainder);
            var twice = remainder * 2;
            if (twice > divisor || (twice == divisor && !units.IsEven))
            {
                units += 1;
            }
        }

        var digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, always with a point or an exponent.</summary>
    public static string Repr(double x)
    {
        var s = x.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('e', StringComparison.Ordinal) ? s : s + ".0";
    }

    /// <summary>A JSON string as <c>json.dumps</c> writes it by default (ensure_ascii: everything else escaped).</summary>
    public static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case < ' ' or > '~':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }
}
