using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;
using Kind = Serverless.Gateway.Booking.Stores.SessionEntityOperationKind;

namespace Serverless.Gateway.Tests.Booking.Stores;

/// <summary>The decisions a session entity makes, tested as plain code: the Durable runtime itself does not run here.</summary>
public sealed class SessionEntityRulesTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private static BookingSession Session(long version = 1, string key = "handoff:r-1") => new()
    {
        Key = key,
        CallerId = "caller-a",
        Tool = "handoff-init",
        SessionId = "r-1",
        Offered = [],
        RecordedAt = Start,
        ExpiresAt = Start.AddMinutes(15),
        RetainUntil = Start.AddHours(1),
        Version = version,
    };

    private static SessionEntityStep Apply(BookingSession? state, Kind kind, BookingSession? session = null, long expected = 0, TimeSpan? at = null) =>
        SessionEntityRules.Apply(state, new SessionEntityOperation(kind, session, expected, Start + (at ?? TimeSpan.Zero)));

    [Fact]
    public void An_add_to_an_empty_entity_stores_the_session_and_schedules_its_expiry()
    {
        var step = Apply(null, Kind.Add, Session());

        Assert.Equal((Session(), true, (DateTimeOffset?)Start.AddHours(1)), (step.State, step.Answer.Done, step.ExpireAt));
    }

    [Fact]
    public void An_add_to_a_live_entity_is_refused_and_keeps_the_state()
    {
        var held = Session();
        var step = Apply(held, Kind.Add, Session() with { CallerId = "caller-b" });

        Assert.Same(held, step.State);
        Assert.False(step.Answer.Done);
        Assert.Null(step.ExpireAt);
    }

    [Fact]
    public void An_add_to_an_entity_past_its_retention_replaces_it()
    {
        var fresh = Session() with { CallerId = "caller-b", RetainUntil = Start.AddHours(3) };
        var step = Apply(Session(), Kind.Add, fresh, at: TimeSpan.FromHours(1));

        Assert.Same(fresh, step.State);
        Assert.True(step.Answer.Done);
        Assert.Equal(Start.AddHours(3), step.ExpireAt);
    }

    [Fact]
    public void A_replace_succeeds_only_from_the_held_version_of_the_same_key()
    {
        var held = Session(version: 4);
        var next = Session(version: 5) with { State = BookingState.Booking };

        var wrongVersion = Apply(held, Kind.Replace, next, expected: 3);
        var wrongKey = Apply(held, Kind.Replace, next with { Key = "handoff:other" }, expected: 4);
        var empty = Apply(null, Kind.Replace, next, expected: 4);
        var won = Apply(held, Kind.Replace, next, expected: 4);

        Assert.Equal((held, false), (wrongVersion.State, wrongVersion.Answer.Done));
        Assert.Equal((held, false), (wrongKey.State, wrongKey.Answer.Done));
        Assert.Equal((null, false), (empty.State, empty.Answer.Done));
        Assert.Equal((next, true), (won.State, won.Answer.Done));
        // The retention deadline did not move, so the wake-up already scheduled still fits.
        Assert.Null(won.ExpireAt);
    }

    [Fact]
    public void A_replace_of_a_session_past_its_retention_is_refused_and_the_state_dropped()
    {
        var step = Apply(Session(), Kind.Replace, Session(2), expected: 1, at: TimeSpan.FromHours(2));

        Assert.Equal((null, false), (step.State, step.Answer.Done));
    }

    [Fact]
    public void A_get_answers_the_live_session_and_nothing_once_it_is_past_retention()
    {
        var held = Session();

        var live = Apply(held, Kind.Get, at: TimeSpan.FromMinutes(59));
        var past = Apply(held, Kind.Get, at: TimeSpan.FromHours(1));

        Assert.Equal((held, true, held), (live.State, live.Answer.Done, live.Answer.Session));
        Assert.Equal((null, false, null), (past.State, past.Answer.Done, past.Answer.Session));
    }

    [Fact]
    public void The_expiry_wake_up_deletes_only_a_session_that_is_due()
    {
        var held = Session();

        var early = Apply(held, Kind.Expire, at: TimeSpan.FromMinutes(30));
        var due = Apply(held, Kind.Expire, at: TimeSpan.FromHours(1));

        Assert.Same(held, early.State);
        Assert.False(early.Answer.Done);
        Assert.Null(due.State);
        Assert.True(due.Answer.Done);
    }
}
