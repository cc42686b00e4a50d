namespace Serverless.Gateway.Booking;

/// <summary>Settings of the two-phase booking ledger, bound from the "Booking" section (Booking__*).</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long a phase-1 session accepts a booking after the gateway recorded it.</summary>
    public int SessionTtlMinutes { get; set; } = 15;

    /// <summary>
    /// How long a duplicate phase-2 call waits for a booking that another call of the same session is
    /// making; past it, the duplicate gets BOOKING_IN_PROGRESS. 0 answers at once.
    /// </summary>
    public int InProgressWaitSeconds { get; set; } = 10;

    /// <summary>
    /// How long a session stays in the ledger after it expires, so a repeated phase 2 still gets the recorded
    /// booking (or the reason it was refused) instead of BOOKING_SESSION_UNKNOWN.
    /// </summary>
    public int RetainHours { get; set; } = 24;
}
