package ru.eventbot.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.material.MaterialRequests;

@RestController
@RequestMapping("/api/v1/material-requests")
class MaterialRequestController {

    private final MaterialRequests requests;

    MaterialRequestController(MaterialRequests requests) {
        this.requests = requests;
    }

    /** Participants' requests that nothing answered when they asked, oldest first: WAITING, or FULFILLED later. */
    @GetMapping
    List<MaterialRequestView> all() {
        return requests.all().stream().map(MaterialRequestView::of).toList();
    }

    /** What participants are waiting for, grouped by the words they used, most asked first. */
    @GetMapping("/waiting")
    List<MaterialRequests.WaitingGroup> waiting() {
        return requests.waiting();
    }
}
