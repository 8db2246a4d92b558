// The feedback page's charts, from the data the server put on each canvas (Chart.js comes from a WebJar).
(function () {
  'use strict';

  function draw() {
    var ratings = document.getElementById('ratings-chart');
    if (ratings && window.Chart) {
      var histogram = JSON.parse(ratings.dataset.histogram);
      new window.Chart(ratings, {
        type: 'bar',
        data: {
          labels: Object.keys(histogram).map(function (stars) { return stars + ' ⭐'; }),
          datasets: [{label: 'Ratings', data: Object.values(histogram), backgroundColor: '#1565c0', maxBarThickness: 64}]
        },
        options: {animation: false, plugins: {legend: {display: false}},
                  scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
      });
    }
    var likes = document.getElementById('likes-chart');
    if (likes && window.Chart) {
      var perDay = JSON.parse(likes.dataset.likes);
      new window.Chart(likes, {
        type: 'bar',
        data: {
          labels: Object.keys(perDay),
          datasets: [{label: 'Likes', data: Object.values(perDay), borderColor: '#1b6e3a',
                      backgroundColor: '#1b6e3a', maxBarThickness: 64}]
        },
        options: {animation: false, plugins: {legend: {display: false}},
                  scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
